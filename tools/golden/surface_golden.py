#!/usr/bin/python3
"""Golden values for descent.surface: f and its gradient by torch autograd (float64).

Writes src/test/resources/golden/surface/surfaces.json. Run from the repository root:
    /usr/bin/python3 tools/golden/surface_golden.py
Each formula below is written independently of the Java code; autograd supplies the gradient.
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)


def rosenbrock(a, b):
    return lambda x, y: (a - x) ** 2 + b * (y - x ** 2) ** 2


def beale(x, y):
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def himmelblau(x, y):
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def ravine(kappa, degrees):
    alpha = math.radians(degrees)
    c, s = math.cos(alpha), math.sin(alpha)
    def f(x, y):
        u = x * c + y * s
        v = -x * s + y * c
        return 0.5 * (u ** 2 + kappa * v ** 2)
    return f


def saddle(x, y):
    return x ** 2 - y ** 2


FOGGY_WELLS = [(-2, -1.5, 2, 1), (2, 1.8, 1.5, 0.9), (-1.5, 2.2, 1, 0.7), (2.3, -2, 0.7, 0.8)]


def foggy(x, y):
    f = 0.06 * (x ** 2 + y ** 2)
    for cx, cy, d, s in FOGGY_WELLS:
        f = f - d * torch.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s ** 2))
    return f


# name as the Java test builds it, the function, and the window to sample (as in Java's window()).
SURFACES = [
    ("rosenbrock(1,100)", rosenbrock(1, 100), (-2, 2, -1, 3)),
    ("rosenbrock(0.5,10)", rosenbrock(0.5, 10), (-2, 2, -1, 3)),
    ("beale", beale, (-4.5, 4.5, -4.5, 4.5)),
    ("himmelblau", himmelblau, (-5, 5, -5, 5)),
    ("ravine(50,0)", ravine(50, 0), (-10, 10, -3, 3)),
    ("ravine(10,30)", ravine(10, 30), (-10, 10, -10, 10)),
    ("saddle", saddle, (-2, 2, -2, 2)),
    ("foggyMountain", foggy, (-5, 5, -5, 5)),
]


# Closed loop: torch's optimizer walking Rosenbrock(1, 100) from START with autograd's gradient.
START = (-1.5, 2.0)
STEPS = 200
WALKS = [
    ("sgd", lambda p: torch.optim.SGD([p], lr=1e-3)),
    ("momentum", lambda p: torch.optim.SGD([p], lr=1e-3, momentum=0.9)),
    ("adam", lambda p: torch.optim.Adam([p], lr=0.05)),
]


def walks():
    f = rosenbrock(1, 100)
    out = []
    for name, make in WALKS:
        p = torch.tensor(START, requires_grad=True)
        opt = make(p)
        xs, ys, losses = [], [], []
        for k in range(STEPS + 1):
            opt.zero_grad()
            loss = f(p[0], p[1])
            loss.backward()
            xs.append(p[0].item())
            ys.append(p[1].item())
            losses.append(loss.item())
            if k < STEPS:
                opt.step()
        out.append({"optimizer": name, "start": list(START), "x": xs, "y": ys, "loss": losses})
    return out


def main():
    gen = torch.Generator().manual_seed(20261122)
    out = []
    for name, f, (x0, x1, y0, y1) in SURFACES:
        grid = torch.linspace(0, 1, 7)
        gx, gy = torch.meshgrid(grid, grid, indexing="ij")
        u = torch.cat([gx.flatten(), torch.rand(50, generator=gen)])
        v = torch.cat([gy.flatten(), torch.rand(50, generator=gen)])
        xs = (x0 + (x1 - x0) * u).clone().requires_grad_(True)
        ys = (y0 + (y1 - y0) * v).clone().requires_grad_(True)
        values = f(xs, ys)
        dx, dy = torch.autograd.grad(values.sum(), (xs, ys))
        out.append({
            "surface": name,
            "x": xs.detach().tolist(), "y": ys.detach().tolist(),
            "value": values.detach().tolist(),
            "grad_x": dx.tolist(), "grad_y": dy.tolist(),
        })
    path = "src/test/resources/golden/surface/surfaces.json"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        json.dump({"torch": torch.__version__, "surfaces": out, "rosenbrock_walks": walks()}, fh)
    print("wrote", path, sum(len(s["x"]) for s in out), "points")


if __name__ == "__main__":
    main()
