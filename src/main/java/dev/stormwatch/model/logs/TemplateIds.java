package dev.stormwatch.model.logs;

/** 64-bit template ids: FNV-1a over the template's UTF-16 characters (stable across JVMs). */
public final class TemplateIds {
  private TemplateIds() {}

  /** The FNV-1a 64 hash of a template text. */
  public static long of(String template) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < template.length(); i++) {
      h ^= template.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
