/**
 * Descent's Jupyter kernel for Java: JShell cells evaluated inside the kernel's JVM, so charts,
 * tables and arrays made in a cell are shown as images, HTML tables and readable text.
 *
 * <h2>Using it</h2>
 * {@link descent.kernel.Install} writes the kernelspec ({@code java -cp <classpath>
 * descent.kernel.Install <dir>}, then Jupyter with {@code JUPYTER_PATH=<dir>}); the {@code lab}
 * launcher does this. In a cell: the last expression is shown; {@code display(x)} shows a value
 * and returns an id, {@code updateDisplay(id, x)} redraws it (see {@link descent.kernel.Notebook});
 * the library shows things through {@link descent.display.Display}, which the kernel connects at
 * start. Charts are PNG; {@code display(chart, "image/svg+xml")} shows one as SVG, and
 * {@code Renderers.chartFormat("svg")} makes SVG the default. {@link descent.kernel.Renderers#register}
 * adds renderers. IJava's and JJava's magics ({@link descent.kernel.Magics}: {@code %classpath},
 * {@code %jars}, {@code %maven}, {@code %mavenRepo}, {@code %loadFromPOM}, {@code %%loadFromPOM},
 * {@code %load}, {@code %time}, {@code %%time}), display API ({@link descent.kernel.Notebook}),
 * default imports and kernelspec settings ({@link descent.kernel.Settings}).
 *
 * <h2>Whose classes a cell gets</h2>
 * The kernel runs on jars of its own: its protocol stack (jjava, jeromq, Gson), Maven Resolver,
 * and the libraries Descent is made of (ND4J, XChart, Tablesaw) with their dependencies (JNA,
 * Guava, …). Cells are loaded by a class loader whose parent is the kernel's, with two rules
 * ({@link descent.kernel.UserJars}):
 * <ul>
 * <li>jars added by {@code %maven}, {@code %jars}, {@code %classpath} or {@code IJAVA_CLASSPATH}
 *     are searched <em>first</em> for every class, so a user's Gson, JNA or Guava wins in cells
 *     (and cells compile against it too) while the kernel goes on using its own;</li>
 * <li>except the classes cells share with the kernel: the JDK's, Descent's, and those of ND4J,
 *     XChart and Tablesaw, whose objects pass between cells and Descent (a chart a cell made is
 *     drawn by the kernel). A jar that brings one of these again cannot win without breaking
 *     Descent: adding it prints which class clashes and the two jars (so the two versions), and
 *     cells keep the session's.</li>
 * </ul>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 * <li><b>Interrupt</b> (kernel.json has {@code "interrupt_mode": "message"}) stops the running
 *     cell, reported as an {@code Interrupted} error; the next cell runs. {@link
 *     descent.kernel.CellGuard} puts a stop check into every method and loop of cell code, and the
 *     cell's threads are interrupted, which ends sleeps and waits; an interrupt sent before its
 *     cell started stops that cell as it starts. Code outside the cell (a library's loop) is
 *     stopped with {@code Thread.stop} half a second later on Java 17 to 19 (not while it
 *     initializes a class, which would stay broken); on Java 20 and later it runs until it returns
 *     to cell code.</li>
 * <li><b>{@code System.exit}</b>, {@code Runtime.exit} and {@code Runtime.halt} in a cell do not
 *     end the kernel: {@link descent.kernel.CellGuard} rewrites these calls in cell classes into
 *     ones that throw a {@code SecurityException} naming the call, which the cell reports; the
 *     kernel keeps its state. To start afresh, restart the kernel. (No security manager: Java 24
 *     and later refuse one.)</li>
 * <li><b>Not defined is an error.</b> A snippet JShell rejects, or keeps undefined (e.g. "code
 *     too large", or a class using one not yet declared), is reported with JShell's diagnostics
 *     and dropped, so later cells do not fail on it.</li>
 * <li><b>Shift-Tab</b> shows the signature and the javadoc: Descent's from its sources
 *     ({@link descent.kernel.LibrarySources}), the JDK's from its {@code src.zip}; for a method
 *     called through a subclass, the javadoc of the class that declares it, which JShell alone
 *     shows only up to Java 20 ({@link descent.kernel.InheritedDocs}).</li>
 * <li><b>Output of threads</b> a cell started goes under that cell, after it under the cell
 *     running when they print (as in ipykernel), never to the kernel's log.</li>
 * <li><b>Threads.</b> The kernelspec sets {@code OMP_NUM_THREADS=1} and
 *     {@code OPENBLAS_NUM_THREADS=1}: on a 2-core machine ND4J's default (OpenMP and OpenBLAS each
 *     using every core) made an MLP epoch 3.8 times slower (4.97 s against 1.32 s). Descent's own
 *     work (optimizer steps, large matrix products) uses every core through
 *     {@link descent.cores.Cores}; {@code DESCENT_THREADS} in the kernelspec's {@code "env"} (lab
 *     copies it from the environment) or {@code Cores.set(n)} in a cell limits it.</li>
 * <li><b>Values.</b> A cell's value is shown, not kept as JShell's {@code $1}, {@code $2}, …:
 *     JShell compiles every later cell with an import of each such variable, which made a
 *     session of expression cells slower cell by cell (45 ms per cell after 1,500 cells, against
 *     ~10 ms). Declare a variable ({@code var x = …}) to keep a value.</li>
 * <li><b>Memory.</b> JShell keeps a record of every snippet it compiled, and javac's contexts
 *     grow with every cell; {@link descent.kernel.Compactor} makes JShell forget the snippets
 *     that can never run again (statements, expressions, replaced declarations) and renews
 *     javac's contexts every 50 snippets. What a cell still leaves is its loaded class, about
 *     0.5 KiB of heap (measured by the protocol test over 1,000 cells; half of it reflection
 *     data the JVM frees when memory runs short), because all cells share one class loader. This reaches into JShell's internals: the kernelspec opens
 *     {@code jdk.jshell} for it, and without that the kernel says so in its log and keeps
 *     everything, as plain JShell does (then about 6 KiB per cell).</li>
 * <li><b>Security.</b> Every shell and control message must carry a valid HMAC signature not
 *     seen before; others are dropped and logged ({@link descent.kernel.SecureChannel}). The
 *     kernel refuses a connection file without a key, and listens only on its IP.</li>
 * </ul>
 */
package descent.kernel;
