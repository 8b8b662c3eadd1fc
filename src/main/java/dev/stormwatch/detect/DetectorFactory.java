package dev.stormwatch.detect;

import java.io.Serializable;

/** Creates a subtask's {@link Detector}; shipped with the job graph, so it must be serializable. */
@FunctionalInterface
public interface DetectorFactory extends Serializable {
  Detector create() throws Exception;
}
