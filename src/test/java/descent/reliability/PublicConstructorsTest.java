package descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.init.Initializer;
import descent.init.XavierUniform;
import descent.schedule.Cyclic;
import descent.schedule.Exponential;
import descent.schedule.Schedule;
import descent.surface.FoggyMountain;
import descent.surface.Surface;
import descent.surface.Surfaces;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public constructor and static factory of descent.schedule, descent.surface and descent.nn
 * that takes numbers is called with NaN, ±∞ and Integer.MIN_VALUE in each numeric position in
 * turn: each must refuse with an IllegalArgumentException whose message names something, never
 * accept the value silently and never fail with an NPE or an arithmetic error.
 *
 * <p>The entry points are found by reflection; each needs one valid call listed in
 * {@link #VALID}, so a new public constructor cannot be added without being tried here.
 */
class PublicConstructorsTest {

    /** One valid argument list per entry point, by {@link #signature}. */
    static final Map<String, Object[]> VALID = new LinkedHashMap<>();

    static {
        IntToDoubleFunction one = t -> 1;
        Schedule exp = new Exponential(0.1, 0.9);
        // descent.schedule
        valid("CosineAnnealing(double,int,double)", 0.1, 100, 0.001);
        valid("CosineAnnealing(double,int)", 0.1, 100);
        valid("CosineWarmRestarts(double,int,int,double)", 0.1, 10, 2, 0.0);
        valid("Cyclic(double,double,int,int,Mode,double)", 0.01, 0.1, 10, 10, Cyclic.Mode.EXP_RANGE, 0.99);
        valid("Cyclic.triangular(double,double,int)", 0.01, 0.1, 10);
        valid("Cyclic.triangular2(double,double,int)", 0.01, 0.1, 10);
        valid("Cyclic.expRange(double,double,int,double)", 0.01, 0.1, 10, 0.99);
        valid("Exponential(double,double)", 0.1, 0.9);
        valid("InverseTime(double,double)", 0.1, 0.5);
        valid("Lambda(double,IntToDoubleFunction,String)", 0.1, one, "1");
        valid("Lambda(double,IntToDoubleFunction)", 0.1, one);
        valid("LinearWarmup(Schedule,int,double,double)", exp, 10, 0.0, 0.1);
        valid("LinearWarmup(Schedule,int)", exp, 10);
        valid("MultiStep(double,double,int[])", 0.1, 0.5, new int[] {10, 20});
        valid("NaturalExp(double,double)", 0.1, 0.01);
        valid("Noam(double,int,double)", 512.0, 40, 1.0);
        valid("Noam(double,int)", 512.0, 40);
        valid("OneCycle(double,int)", 0.1, 100);
        valid("Piecewise(int[],double[])", new int[] {10}, new double[] {0.1, 0.01});
        valid("Polynomial(double,int,double,double,boolean)", 0.1, 100, 0.0, 2.0, false);
        valid("Polynomial(double,int)", 0.1, 100);
        valid("ReduceOnPlateau(double)", 0.1);
        valid("Sequential(List,int[])", List.of(exp, exp), new int[] {10});
        valid("Step(double,int,double)", 0.1, 10, 0.5);
        valid("Schedules.piecewise(int[],double[])", new int[] {10}, new double[] {0.1, 0.01});
        valid("Schedules.exponential(double,double)", 0.1, 0.9);
        valid("Schedules.naturalExp(double,double)", 0.1, 0.01);
        valid("Schedules.polynomial(double,int,double,double)", 0.1, 100, 0.0, 2.0);
        valid("Schedules.polynomialCycle(double,int,double,double)", 0.1, 100, 0.0, 2.0);
        valid("Schedules.step(double,int,double)", 0.1, 10, 0.5);
        valid("Schedules.multiStep(double,double,int[])", 0.1, 0.5, new int[] {10});
        valid("Schedules.inverseTime(double,double)", 0.1, 0.5);
        valid("Schedules.lambda(double,IntToDoubleFunction,String)", 0.1, one, "1");
        valid("Schedules.cosine(double,int)", 0.1, 100);
        valid("Schedules.cosine(double,int,double)", 0.1, 100, 0.0);
        valid("Schedules.warmRestarts(double,int,int,double)", 0.1, 10, 2, 0.0);
        valid("Schedules.noam(double,int)", 512.0, 40);
        valid("Schedules.warmup(int,Schedule)", 10, exp);
        valid("Schedules.oneCycle(double,int)", 0.1, 100);
        valid("Schedules.cyclic(double,double,int)", 0.01, 0.1, 10);
        valid("Schedules.sequential(List,int[])", List.of(exp, exp), new int[] {10});
        valid("Schedules.gallery(int)", 100);
        // descent.surface
        valid("FoggyMountain()");
        valid("FoggyMountain(double,Well[])", 0.05, new FoggyMountain.Well[] {new FoggyMountain.Well(1, 1, 1, 1)});
        valid("Well(double,double,double,double)", 1.0, 1.0, 1.0, 1.0);
        valid("Ravine(double)", 10.0);
        valid("Ravine(double,double)", 10.0, 30.0);
        valid("Rescaled(Surface,double)", Surfaces.ravine(10), 2.0);
        valid("Rosenbrock()");
        valid("Rosenbrock(double,double)", 1.0, 100.0);
        valid("Slope(double,double)", 1.0, 0.5);
        valid("Surfaces.rosenbrock()");
        valid("Surfaces.rosenbrock(double,double)", 1.0, 100.0);
        valid("Surfaces.beale()");
        valid("Surfaces.himmelblau()");
        valid("Surfaces.ravine(double)", 10.0);
        valid("Surfaces.ravine(double,double)", 10.0, 30.0);
        valid("Surfaces.saddle()");
        valid("Surfaces.foggyMountain()");
        valid("Beale()");
        valid("Himmelblau()");
        valid("Saddle()");
        // descent.nn (layers)
        valid("BatchNorm(int)", 4);
        valid("BatchNorm(int,double,double)", 4, 0.1, 1e-5);
        valid("Dense(int,int)", 4, 3);
        valid("Dense(int,int,Initializer)", 4, 3, new XavierUniform());
        valid("Dropout(double,long)", 0.5, 1L);
        valid("Elu()");
        valid("Elu(double)", 1.0);
        valid("LeakyRelu()");
        valid("LeakyRelu(double)", 0.01);
        valid("Relu()");
        valid("Tanh()");
        valid("Sigmoid()");
        valid("Identity()");
        valid("SoftmaxCrossEntropy()");
        valid("MeanSquaredError()");
        valid("Network.mlp(int[])", (Object) new int[] {4, 3});
    }

    private static void valid(String signature, Object... args) {
        VALID.put(signature, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"descent.schedule", "descent.surface", "descent.nn"})
    void everyEntryPointIsListedAndItsValidCallWorks(String pkg) throws Exception {
        for (Executable e : entryPoints(pkg)) {
            Object[] args = VALID.get(signature(e));
            assertTrue(args != null, "list a valid call of the public entry point " + signature(e) + " in VALID");
            call(e, args);                                       // must not throw
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"descent.schedule", "descent.surface", "descent.nn"})
    void everyNumberArgumentRefusesNaNInfinityAndMinusLots(String pkg) throws Exception {
        int tried = 0;
        List<String> failures = new ArrayList<>();
        for (Executable e : entryPoints(pkg)) {
            Object[] valid = VALID.get(signature(e));
            Class<?>[] types = e.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                List<Object> bad = types[i] == double.class ? List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                        : types[i] == int.class ? List.of(Integer.MIN_VALUE) : List.of();
                for (Object value : bad) {
                    Object[] args = valid.clone();
                    args[i] = value;
                    tried++;
                    String what = signature(e) + " with argument " + i + " = " + value;
                    try {
                        call(e, args);
                        failures.add(what + ": accepted");
                    } catch (InvocationTargetException thrown) {
                        Throwable cause = thrown.getCause();
                        if (!(cause instanceof IllegalArgumentException) || cause.getMessage() == null
                                || !cause.getMessage().contains(String.valueOf(value))) {
                            failures.add(what + ": " + cause);
                        }
                    }
                }
            }
        }
        assertTrue(tried > 0);
        assertEquals(List.of(), failures, failures.size() + " of " + tried + " bad numbers were not refused by name");
        System.out.println("PublicConstructorsTest " + pkg + ": " + entryPoints(pkg).size() + " entry points, " + tried
                + " bad numbers tried, all refused by name");
    }

    static Object call(Executable e, Object[] args) throws ReflectiveOperationException {
        return e instanceof Constructor<?> c ? c.newInstance(args) : ((Method) e).invoke(null, args);
    }

    /** The types a constructor or factory of configuration takes (data-taking methods are tested elsewhere). */
    static final List<Class<?>> CONFIGURATION = List.of(double.class, int.class, long.class, boolean.class, int[].class,
            double[].class, String.class, List.class, Schedule.class, IntToDoubleFunction.class, Cyclic.Mode.class,
            FoggyMountain.Well[].class, Surface.class, Initializer.class);

    /**
     * The public constructors of the package's public concrete classes (and of FoggyMountain.Well), and
     * its public static methods that return an object and take only configuration.
     */
    static List<Executable> entryPoints(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Schedule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(pkg.replace('.', '/'));
        List<Executable> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
                        PublicConstructorsTest.class.getClassLoader());
                if (!Modifier.isPublic(c.getModifiers()) || c.isInterface() || c.isEnum()
                        || Modifier.isAbstract(c.getModifiers()) || c.getEnclosingClass() != null && !c.isRecord()) {
                    continue;
                }
                if (!c.isRecord() || c == FoggyMountain.Well.class) {   // other records are results, not configuration
                    found.addAll(List.of(c.getConstructors()));
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                            && !m.getReturnType().isPrimitive() && !m.getReturnType().isArray()
                            && CONFIGURATION.containsAll(List.of(m.getParameterTypes()))) {
                        found.add(m);
                    }
                }
            }
        }
        return found;
    }

    static String signature(Executable e) {
        String owner = e.getDeclaringClass().getSimpleName();
        String params = Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","));
        return (e instanceof Constructor<?> ? owner : owner + "." + e.getName()) + "(" + params + ")";
    }
}
