package dev.stormwatch.eval.nab;

/**
 * The MT19937 generator seeded and read the way CPython's {@code random} module does ({@code
 * random.seed(int)} via init_by_array, {@code random()} from two 32-bit draws with 53-bit
 * resolution), so NAB's random detector can be reproduced draw for draw.
 */
public final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] state = new int[N];
  private int index;

  /** A generator in the state of {@code random.seed(seed)} for a non-negative seed. */
  public PythonRandom(long seed) {
    long magnitude = Math.abs(seed);
    int words = Math.max(1, (64 - Long.numberOfLeadingZeros(magnitude) + 31) / 32);
    int[] key = new int[words];
    for (int i = 0; i < words; i++) {
      key[i] = (int) (magnitude >>> (32 * i));
    }
    initByArray(key);
  }

  /** {@code random.random()}: uniform in [0, 1). */
  public double nextDouble() {
    long a = Integer.toUnsignedLong(nextInt()) >>> 5;
    long b = Integer.toUnsignedLong(nextInt()) >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** {@code random.uniform(low, high)}. */
  public double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** The next tempered 32-bit output. */
  public int nextInt() {
    if (index >= N) {
      twist();
    }
    int y = state[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void initGenrand(int seed) {
    state[0] = seed;
    for (int i = 1; i < N; i++) {
      state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        state[0] = state[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        state[0] = state[N - 1];
        i = 1;
      }
    }
    state[0] = 0x80000000;
    index = N;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (state[k] & 0x80000000) | (state[(k + 1) % N] & 0x7fffffff);
      int next = state[(k + M) % N] ^ (y >>> 1);
      state[k] = (y & 1) != 0 ? next ^ 0x9908b0df : next;
    }
    index = 0;
  }
}
