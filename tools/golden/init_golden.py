"""Golden gains, fans and distribution parameters for descent.init, taken from torch 1.13 itself.

Gains come from torch.nn.init.calculate_gain, fans from _calculate_fan_in_and_fan_out and
_calculate_correct_fan. The bound or std of each initializer is not re-derived here: it is caught
as torch's own initializer passes it to Tensor.uniform_ / Tensor.normal_. The standard deviation
of a truncated normal (for the empirical test) is the textbook formula with math.erf.
Run with Debian's torch: /usr/bin/python3 tools/golden/init_golden.py
"""
import json
import math
import os

import torch
from torch.nn import init

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "../../src/test/resources/golden/init/init.json")

# --- catch the arguments torch's initializers hand to the samplers ---
caught = []
real_uniform, real_normal = torch.Tensor.uniform_, torch.Tensor.normal_


def catching_uniform(self, a=0.0, b=1.0, **kw):
    caught.append(("uniform", a, b))
    return real_uniform(self, a, b, **kw)


def catching_normal(self, mean=0.0, std=1.0, **kw):
    caught.append(("normal", mean, std))
    return real_normal(self, mean, std, **kw)


torch.Tensor.uniform_ = catching_uniform
torch.Tensor.normal_ = catching_normal


def bound_of(fill, shape):
    caught.clear()
    fill(torch.empty(shape))
    kind, low, high = caught[-1]
    assert kind == "uniform" and low == -high, caught
    return high


def std_of(fill, shape):
    caught.clear()
    fill(torch.empty(shape))
    kind, mean, std = caught[-1]
    assert kind == "normal" and mean == 0, caught
    return std


# --- gains ---
names = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
         "sigmoid", "tanh", "relu", "leaky_relu", "selu"]
gains = {name: init.calculate_gain(name) for name in names}
leaky = [{"slope": s, "gain": init.calculate_gain("leaky_relu", s)} for s in [0.0, 0.01, 0.2, 1.0, -0.5, 3.0]]

# --- fans and parameters per torch shape: Linear (out, in), conv (out, in, k...) ---
shapes = [[10, 20], [256, 784], [1, 1], [3, 7], [16, 3, 3, 3], [64, 32, 5, 5], [8, 4, 3], [2, 3, 3, 3, 3]]
cases = []
for shape in shapes:
    fan_in, fan_out = init._calculate_fan_in_and_fan_out(torch.empty(shape))
    case = {"shape": shape, "fanIn": fan_in, "fanOut": fan_out}
    case["correctFan"] = {m: init._calculate_correct_fan(torch.empty(shape), m) for m in ["fan_in", "fan_out"]}
    tanh = init.calculate_gain("tanh")
    case["xavierUniformBound"] = bound_of(init.xavier_uniform_, shape)
    case["xavierUniformBoundTanh"] = bound_of(lambda t: init.xavier_uniform_(t, gain=tanh), shape)
    case["xavierNormalStd"] = std_of(init.xavier_normal_, shape)
    case["xavierNormalStdTanh"] = std_of(lambda t: init.xavier_normal_(t, gain=tanh), shape)
    he = []
    for mode in ["fan_in", "fan_out"]:
        for a in [0.0, 0.01, 0.2]:
            he.append({"mode": mode, "slope": a,
                       "uniformBound": bound_of(lambda t: init.kaiming_uniform_(t, a=a, mode=mode), shape),
                       "normalStd": std_of(lambda t: init.kaiming_normal_(t, a=a, mode=mode), shape)})
        # the relu spelling gives the same as slope 0
        assert bound_of(lambda t: init.kaiming_uniform_(t, mode=mode, nonlinearity="relu"), shape) == he[-3]["uniformBound"]
    case["he"] = he
    case["lecunUniformBound"] = bound_of(lambda t: init.kaiming_uniform_(t, nonlinearity="linear"), shape)
    case["lecunNormalStd"] = std_of(lambda t: init.kaiming_normal_(t, nonlinearity="linear"), shape)
    cases.append(case)


# --- the std of a truncated normal, for the empirical test ---
def phi(x):
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def Phi(x):
    return (1 + math.erf(x / math.sqrt(2))) / 2


def truncated_std(mean, std, a, b):
    al, be = (a - mean) / std, (b - mean) / std
    z = Phi(be) - Phi(al)
    return std * math.sqrt(1 + (al * phi(al) - be * phi(be)) / z - ((phi(al) - phi(be)) / z) ** 2)


def truncated_mean(mean, std, a, b):
    al, be = (a - mean) / std, (b - mean) / std
    return mean + std * (phi(al) - phi(be)) / (Phi(be) - Phi(al))


truncated = [{"mean": m, "std": s, "a": a, "b": b, "truncStd": truncated_std(m, s, a, b),
              "truncMean": truncated_mean(m, s, a, b)}
             for (m, s, a, b) in [(0, 1, -2, 2), (0, 0.02, -0.04, 0.04), (1, 2, 0, 5), (0, 1, -0.5, 3)]]

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "gains": gains, "leakyRelu": leaky, "shapes": cases,
               "truncated": truncated}, f, indent=1)
print("wrote", len(gains) + len(leaky), "gains,", len(cases), "shapes,", len(truncated), "truncated normals to",
      os.path.normpath(OUT))
