package descent.notebooks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds a Python with Jupyter's client libraries, and the environment a test kernel runs in. */
final class Jupyter {

    private static final String MODULES = "import nbclient, nbformat, jupyter_client";

    private Jupyter() {
    }

    /**
     * The first Python that imports nbclient, nbformat and jupyter_client: {@code DESCENT_PYTHON}
     * when set (./lab sets it), else Debian's {@code /usr/bin/python3}, else any {@code python3}
     * on the PATH (a pyenv or virtualenv one earlier on the PATH often lacks them).
     */
    static Optional<String> python() {
        List<String> candidates = new ArrayList<>();
        String chosen = System.getenv("DESCENT_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen);
        }
        candidates.add("/usr/bin/python3");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(dir, "python3").toString());
        }
        return candidates.stream().filter(Jupyter::hasModules).findFirst();
    }

    private static boolean hasModules(String python) {
        if (!Files.isExecutable(Path.of(python))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(python, "-c", MODULES)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Jupyter's paths under {@code work}, so that only the kernelspec installed there is found
     * first and nothing is written to the user's Jupyter folders; ND4J's fast thread defaults
     * unless the caller chose others.
     */
    static Map<String, String> environment(Path work) {
        Map<String, String> env = new HashMap<>();
        env.put("JUPYTER_PATH", work.resolve("jupyter").toString());
        env.put("JUPYTER_DATA_DIR", work.resolve("jupyter-data").toString());
        env.put("JUPYTER_RUNTIME_DIR", work.resolve("jupyter-runtime").toString());
        for (String threads : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")) {
            env.put(threads, System.getenv().getOrDefault(threads, "1"));
        }
        return env;
    }
}
