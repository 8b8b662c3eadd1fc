package dev.stormwatch.model;

/** A GPU was asked for explicitly ({@code cuda:N}) but its runtime cannot use it on this host. */
public class DeviceUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public DeviceUnavailableException(String message) {
    super(message);
  }
}
