"""Golden learning rates for descent.schedule, 300 steps per schedule.

Torch's own schedulers (torch 1.13) give the value where torch has the schedule: the rate read from
the optimizer after e calls of scheduler.step(), e = 0 .. 299. PaddlePaddle's documented formulas
(paddle.optimizer.lr, written out independently below) give NaturalExpDecay, InverseTimeDecay,
PolynomialDecay, PiecewiseDecay, NoamDecay and LinearWarmup. ReduceLROnPlateau is fed scripted
metrics. Run with Debian's torch: /usr/bin/python3 tools/golden/schedule_golden.py
"""
import json
import math
import os
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore")
STEPS = 300
OUT = os.path.join(os.path.dirname(__file__), "../../src/test/resources/golden/schedule/schedules.json")


def optimizer(lr):
    return SGD([torch.zeros(1, requires_grad=True)], lr=lr, momentum=0.9)


def run(make, lr=0.1):
    """lr after 0, 1, ..., STEPS-1 scheduler steps."""
    opt = optimizer(lr)
    sched = make(opt)
    values = []
    for e in range(STEPS):
        if e > 0:
            opt.step()
            sched.step()
        values.append(opt.param_groups[0]["lr"])
    return values


def formula(f):
    return [f(t) for t in range(STEPS)]


cases = {}


def case(name, params, values):
    cases[name] = {"params": params, "values": values}


# --- torch ---
case("exponential_0.1_0.98", dict(lr0=0.1, gamma=0.98), run(lambda o: S.ExponentialLR(o, 0.98)))
case("exponential_1_0.9", dict(lr0=1.0, gamma=0.9), run(lambda o: S.ExponentialLR(o, 0.9), 1.0))
case("step_0.1_30_0.5", dict(lr0=0.1, stepSize=30, gamma=0.5), run(lambda o: S.StepLR(o, 30, 0.5)))
case("step_0.5_7_0.9", dict(lr0=0.5, stepSize=7, gamma=0.9), run(lambda o: S.StepLR(o, 7, 0.9), 0.5))
case("multistep_0.1_0.1_50_120_200", dict(lr0=0.1, gamma=0.1, milestones=[50, 120, 200]),
     run(lambda o: S.MultiStepLR(o, [50, 120, 200], 0.1)))
case("multistep_0.3_0.5_1_2_100", dict(lr0=0.3, gamma=0.5, milestones=[1, 2, 100]),
     run(lambda o: S.MultiStepLR(o, [1, 2, 100], 0.5), 0.3))
case("multistep_0.1_0.5_repeated_40_40_90", dict(lr0=0.1, gamma=0.5, milestones=[40, 40, 90]),
     run(lambda o: S.MultiStepLR(o, [40, 40, 90], 0.5)))
case("lambda_0.1_0.97pow", dict(lr0=0.1, factor="0.97^t"), run(lambda o: S.LambdaLR(o, lambda e: 0.97 ** e)))
case("lambda_0.2_inv_sqrt", dict(lr0=0.2, factor="1/sqrt(1+t)"),
     run(lambda o: S.LambdaLR(o, lambda e: 1 / math.sqrt(1 + e)), 0.2))
case("cosine_0.1_100_0", dict(lr0=0.1, tMax=100, etaMin=0.0), run(lambda o: S.CosineAnnealingLR(o, 100)))
case("cosine_0.1_300_0.001", dict(lr0=0.1, tMax=300, etaMin=0.001),
     run(lambda o: S.CosineAnnealingLR(o, 300, 0.001)))
case("cosine_0.05_37_0.01", dict(lr0=0.05, tMax=37, etaMin=0.01),
     run(lambda o: S.CosineAnnealingLR(o, 37, 0.01), 0.05))
case("sgdr_0.1_10_2_0", dict(lr0=0.1, t0=10, tMult=2, etaMin=0.0),
     run(lambda o: S.CosineAnnealingWarmRestarts(o, 10, 2)))
case("sgdr_0.1_50_1_0.001", dict(lr0=0.1, t0=50, tMult=1, etaMin=0.001),
     run(lambda o: S.CosineAnnealingWarmRestarts(o, 50, 1, 0.001)))
case("sgdr_0.2_7_3_0.01", dict(lr0=0.2, t0=7, tMult=3, etaMin=0.01),
     run(lambda o: S.CosineAnnealingWarmRestarts(o, 7, 3, 0.01), 0.2))
case("polynomial_torch_0.1_200_2", dict(lr0=0.1, decaySteps=200, endLr=0.0, power=2.0, cycle=False),
     run(lambda o: S.PolynomialLR(o, total_iters=200, power=2.0)))
case("polynomial_torch_0.1_100_1", dict(lr0=0.1, decaySteps=100, endLr=0.0, power=1.0, cycle=False),
     run(lambda o: S.PolynomialLR(o, total_iters=100, power=1.0)))
case("onecycle_0.1_300", dict(maxLr=0.1, totalSteps=300), run(lambda o: S.OneCycleLR(o, 0.1, total_steps=300)))
case("onecycle_1_299_linear_0.25", dict(maxLr=1.0, totalSteps=299, pctStart=0.25, anneal="linear"),
     run(lambda o: S.OneCycleLR(o, 1.0, total_steps=299, pct_start=0.25, anneal_strategy="linear")))
case("onecycle_0.5_310_three_phase", dict(maxLr=0.5, totalSteps=310, pctStart=0.4, divFactor=10.0,
                                          finalDivFactor=100.0, threePhase=True),
     run(lambda o: S.OneCycleLR(o, 0.5, total_steps=310, pct_start=0.4, div_factor=10.0,
                                final_div_factor=100.0, three_phase=True)))
case("cyclic_triangular_0.01_0.1_20", dict(baseLr=0.01, maxLr=0.1, up=20, down=20, mode="triangular"),
     run(lambda o: S.CyclicLR(o, 0.01, 0.1, step_size_up=20)))
case("cyclic_triangular2_0.001_0.1_25_15", dict(baseLr=0.001, maxLr=0.1, up=25, down=15, mode="triangular2"),
     run(lambda o: S.CyclicLR(o, 0.001, 0.1, step_size_up=25, step_size_down=15, mode="triangular2")))
case("cyclic_exp_range_0.01_0.2_30_0.995", dict(baseLr=0.01, maxLr=0.2, up=30, down=30, mode="exp_range",
                                                gamma=0.995),
     run(lambda o: S.CyclicLR(o, 0.01, 0.2, step_size_up=30, mode="exp_range", gamma=0.995)))
case("sequential_exp_cosine_at_100", dict(lr0=0.1, first="Exponential(0.1, 0.99)",
                                          second="CosineAnnealing(0.1, 150)", milestones=[100]),
     run(lambda o: S.SequentialLR(o, [S.ExponentialLR(o, 0.99), S.CosineAnnealingLR(o, 150)], [100])))
case("sequential_step_multistep_exp", dict(lr0=0.1, schedules=["Step(0.1, 10, 0.5)", "MultiStep(0.1, 0.3, 20, 40)",
                                                               "Exponential(0.1, 0.97)"], milestones=[50, 180]),
     run(lambda o: S.SequentialLR(o, [S.StepLR(o, 10, 0.5), S.MultiStepLR(o, [20, 40], 0.3),
                                      S.ExponentialLR(o, 0.97)], [50, 180])))


# --- PaddlePaddle's documented formulas (paddle.optimizer.lr) ---
def natural_exp(lr, gamma):
    return formula(lambda t: lr * math.exp(-gamma * t))


def inverse_time(lr, gamma):
    return formula(lambda t: lr / (1 + gamma * t))


def polynomial(lr, decay_steps, end_lr, power, cycle):
    def f(t):
        if cycle:
            n = math.ceil(t / decay_steps)
            steps = decay_steps * (n if t > 0 else 1)  # Paddle uses one period at t = 0
        else:
            steps = decay_steps
            t = min(t, decay_steps)
        return (lr - end_lr) * (1 - t / steps) ** power + end_lr
    return formula(f)


def piecewise(boundaries, values):
    def f(t):
        for b, v in zip(boundaries, values):
            if t < b:
                return v
        return values[-1]
    return formula(f)


def noam(d_model, warmup, lr=1.0):
    def f(t):
        a = 1.0 if t == 0 else t ** -0.5
        return lr * d_model ** -0.5 * min(a, t * warmup ** -1.5)
    return formula(f)


def linear_warmup(after, warmup, start_lr, end_lr):
    return [start_lr + (end_lr - start_lr) * t / warmup if t < warmup else after[t - warmup]
            for t in range(STEPS)]


case("natural_exp_0.1_0.01", dict(lr0=0.1, gamma=0.01), natural_exp(0.1, 0.01))
case("natural_exp_0.5_0.05", dict(lr0=0.5, gamma=0.05), natural_exp(0.5, 0.05))
case("inverse_time_0.1_0.1", dict(lr0=0.1, gamma=0.1), inverse_time(0.1, 0.1))
case("inverse_time_1_0.5", dict(lr0=1.0, gamma=0.5), inverse_time(1.0, 0.5))
case("polynomial_0.1_100_0.001_2", dict(lr0=0.1, decaySteps=100, endLr=0.001, power=2.0, cycle=False),
     polynomial(0.1, 100, 0.001, 2.0, False))
case("polynomial_cycle_0.1_70_0.0001_1", dict(lr0=0.1, decaySteps=70, endLr=0.0001, power=1.0, cycle=True),
     polynomial(0.1, 70, 0.0001, 1.0, True))
case("polynomial_cycle_0.2_50_0.01_0.5", dict(lr0=0.2, decaySteps=50, endLr=0.01, power=0.5, cycle=True),
     polynomial(0.2, 50, 0.01, 0.5, True))
case("piecewise_100_200", dict(boundaries=[100, 200], values=[0.1, 0.01, 0.001]),
     piecewise([100, 200], [0.1, 0.01, 0.001]))
case("piecewise_0_1_150_299", dict(boundaries=[0, 1, 150, 299], values=[9.0, 0.5, 0.4, 0.3, 0.2]),
     piecewise([0, 1, 150, 299], [9.0, 0.5, 0.4, 0.3, 0.2]))
case("noam_512_40", dict(dModel=512, warmup=40, lr0=1.0), noam(512, 40))
case("noam_64_100_2", dict(dModel=64, warmup=100, lr0=2.0), noam(64, 100, 2.0))
cosine = cases["cosine_0.1_300_0.001"]["values"]
case("warmup_20_cosine", dict(warmup=20, startLr=0.0, endLr=0.1, after="CosineAnnealing(0.1, 300, 0.001)"),
     linear_warmup(cosine, 20, 0.0, 0.1))
case("warmup_50_0.01_0.2_exponential", dict(warmup=50, startLr=0.01, endLr=0.2, after="Exponential(0.1, 0.98)"),
     linear_warmup(cases["exponential_0.1_0.98"]["values"], 50, 0.01, 0.2))
# torch's own warm-up (SequentialLR of LinearLR and a schedule) agrees with Paddle's LinearWarmup
case("warmup_torch_linearlr_cosine", dict(warmup=25, startLr=0.01, endLr=0.1, after="CosineAnnealing(0.1, 200)"),
     run(lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=25), S.CosineAnnealingLR(o, 200)],
                                  [25])))


# --- ReduceLROnPlateau fed scripted metrics ---
def plateau(metrics, lr=0.1, **kw):
    opt = optimizer(lr)
    sched = S.ReduceLROnPlateau(opt, **kw)
    lrs, reductions = [], []
    for epoch, m in enumerate(metrics):
        before = opt.param_groups[0]["lr"]
        sched.step(m)
        lrs.append(opt.param_groups[0]["lr"])
        if lrs[-1] != before:
            reductions.append(epoch)
    return {"params": kw, "lr0": lr, "metrics": metrics, "lrs": lrs, "reductions": reductions}


# a loss that falls, stalls, falls a little, stalls for long (min); an accuracy that climbs and stalls (max)
loss = [1.0 / (1 + 0.3 * e) for e in range(15)] + [0.18] * 12 + [0.17, 0.169995, 0.1699] + [0.17] * 40
loss += [0.1699 - 1e-6 * e for e in range(30)]
accuracy = [0.5 + 0.03 * e for e in range(12)] + [0.85] * 15 + [0.8501, 0.86] + [0.86] * 30
plateaus = {
    "min_defaults": plateau(loss),
    "min_patience3_cooldown2_factor0.5": plateau(loss, patience=3, cooldown=2, factor=0.5),
    "min_abs_threshold": plateau(loss, patience=2, threshold=1e-3, threshold_mode="abs", factor=0.3),
    "min_minlr": plateau(loss, patience=1, factor=0.2, min_lr=0.001),
    "min_minlr_eps": plateau(loss, lr=0.01, patience=0, factor=0.5, min_lr=0.0099, eps=1e-3),
    "max_rel": plateau(accuracy, mode="max", patience=2, factor=0.5, cooldown=1),
    "max_abs": plateau(accuracy, mode="max", patience=4, threshold=0.005, threshold_mode="abs", factor=0.1,
                       min_lr=1e-4),
}

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "steps": STEPS, "schedules": cases, "plateau": plateaus}, f, indent=1)
print("wrote", len(cases), "schedules and", len(plateaus), "plateau runs to", os.path.normpath(OUT))
