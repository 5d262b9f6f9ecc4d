package descent.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gains, fans, bounds and stds against tools/golden/init_golden.py, which reads them from torch
 * 1.13's own functions and from the arguments its initializers pass to uniform_ / normal_.
 */
class InitGoldenTest {

    static final double TOL = 1e-12;

    static JsonObject golden() {
        var in = InitGoldenTest.class.getResourceAsStream("/golden/init/init.json");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.abs(expected), what);
    }

    @Test
    void gainsAreTorchs() {
        JsonObject g = golden();
        Map<String, JsonElement> gains = g.getAsJsonObject("gains").asMap();
        assertEquals(12, gains.size());
        gains.forEach((name, gain) -> close(gain.getAsDouble(), Gain.of(name), name));
        for (JsonElement e : g.getAsJsonArray("leakyRelu")) {
            double slope = e.getAsJsonObject().get("slope").getAsDouble();
            double gain = e.getAsJsonObject().get("gain").getAsDouble();
            close(gain, Gain.of("leaky_relu", slope), "leaky_relu " + slope);
            close(gain, Gain.leakyRelu(slope), "leakyRelu " + slope);
        }
    }

    @Test
    void fansAndParametersAreTorchs() {
        for (JsonElement e : golden().getAsJsonArray("shapes")) {
            JsonObject c = e.getAsJsonObject();
            long[] shape = new com.google.gson.Gson().fromJson(c.get("shape"), long[].class);
            String at = java.util.Arrays.toString(shape);
            Fans fans = shape.length == 2 ? Fans.ofTorchLinear(shape) : Fans.conv(shape);
            long in = fans.fanIn(), out = fans.fanOut();
            assertEquals(c.get("fanIn").getAsLong(), in, at);
            assertEquals(c.get("fanOut").getAsLong(), out, at);
            if (shape.length == 2) {
                assertEquals(fans, Fans.ofDense(shape[1], shape[0]), at + " in Descent's (in, out) layout");
                assertEquals(fans, Fans.dense(shape[1], shape[0]), at);
            }
            assertEquals(c.getAsJsonObject("correctFan").get("fan_in").getAsLong(), FanMode.FAN_IN.of(in, out));
            assertEquals(c.getAsJsonObject("correctFan").get("fan_out").getAsLong(), FanMode.FAN_OUT.of(in, out));

            double tanh = Gain.of("tanh");
            close(c.get("xavierUniformBound").getAsDouble(), new XavierUniform().bound(in, out), at);
            close(c.get("xavierUniformBoundTanh").getAsDouble(), new XavierUniform(tanh).bound(in, out), at);
            close(c.get("xavierNormalStd").getAsDouble(), new XavierNormal().std(in, out), at);
            close(c.get("xavierNormalStdTanh").getAsDouble(), new XavierNormal(tanh).std(in, out), at);
            close(c.get("lecunUniformBound").getAsDouble(), new LeCunUniform().bound(in, out), at);
            close(c.get("lecunNormalStd").getAsDouble(), new LeCunNormal().std(in, out), at);
            for (JsonElement h : c.getAsJsonArray("he")) {
                JsonObject he = h.getAsJsonObject();
                FanMode mode = FanMode.valueOf(he.get("mode").getAsString().toUpperCase());
                double slope = he.get("slope").getAsDouble();
                String what = at + " " + mode + " slope " + slope;
                close(he.get("uniformBound").getAsDouble(), new HeUniform(mode, slope).bound(in, out), what);
                close(he.get("normalStd").getAsDouble(), new HeNormal(mode, slope).std(in, out), what);
            }
        }
    }
}
