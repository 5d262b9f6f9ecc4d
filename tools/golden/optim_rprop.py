"""Golden trajectories of Rprop (torch.optim 1.13) and delta-bar-delta (an independent pure-Python reference).

Run with Debian's Python:  /usr/bin/python3 tools/golden/optim_rprop.py
Writes src/test/resources/golden/optim/rprop.json.gz: for each variant and problem, θ0, the gradient at
every step and θ after every step (200 steps). Rprop is torch's own run (single-tensor path), in float64
and float32; a variant with narrow step-size bounds is checked here to hit both bounds. Delta-bar-delta
(Jacobs 1988) has no torch twin: it is computed below, one line of Python per line of the formula, and
first checked against torch.optim.SGD where the two coincide (κ = φ = 0).
The surfaces and their starting points are those of optim_textbook.py.
"""
import gzip, json, os
import torch
from optim_textbook import PROBLEMS, STEPS, reference

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'test', 'resources', 'golden', 'optim', 'rprop.json.gz')

RPROP = [   # (name, kwargs besides lr, lr)
    ('rprop', {}, 1e-2),
    ('rprop_bounded', {'etas': (0.3, 1.5), 'step_sizes': (1e-3, 0.05)}, 1e-2),
]

def delta_bar_delta(lr, kappa, phi, beta):   # Jacobs (1988); his θ is β here
    rate = average = None
    def step(theta, g, t):
        nonlocal rate, average
        rate = rate or [lr] * len(g)
        average = average or [0.0] * len(g)
        rate = [e + kappa if a * gi > 0 else (1 - phi) * e if a * gi < 0 else e for e, a, gi in zip(rate, average, g)]
        new_theta = [th - e * gi for th, e, gi in zip(theta, rate, g)]
        average = [(1 - beta) * gi + beta * a for gi, a in zip(g, average)]
        return new_theta
    return step

DELTA_BAR_DELTA = [   # (name, args besides lr); lr is the problem's
    ('delta_bar_delta', {'kappa': 1e-3, 'phi': 0.3, 'beta': 0.7}),
    ('delta_bar_delta_slow', {'kappa': 1e-4, 'phi': 0.1, 'beta': 0.9}),
]

def torch_run(cls, kwargs, problem, lr, dtype):
    grad, theta0, _ = PROBLEMS[problem]
    p = torch.tensor(theta0, dtype=dtype, requires_grad=True)
    opt = getattr(torch.optim, cls)([p], lr=lr, foreach=False, **kwargs)
    grads, thetas, sizes = [], [], []
    for _ in range(STEPS):
        opt.zero_grad()
        p.grad = torch.tensor(grad(*p.detach().tolist()), dtype=dtype)
        grads.append(p.grad.tolist())
        opt.step()
        thetas.append(p.detach().tolist())
        if cls == 'Rprop':
            sizes += opt.state[p]['step_size'].tolist()
    return grads, thetas, sizes

def main():
    torch.set_default_dtype(torch.float64)
    runs = []
    for name, kwargs, lr in RPROP:
        for problem, (_, theta0, _) in PROBLEMS.items():
            for dtype, label in [(torch.float64, 'float64'), (torch.float32, 'float32')]:
                grads, thetas, sizes = torch_run('Rprop', kwargs, problem, lr, dtype)
                if name == 'rprop_bounded' and problem == 'rosenbrock' and label == 'float64':
                    low, high = kwargs['step_sizes']
                    assert min(sizes) == low and max(sizes) == high, (name, problem, min(sizes), max(sizes))
                args = dict(lr=lr, eta_minus=kwargs.get('etas', (0.5, 1.2))[0], eta_plus=kwargs.get('etas', (0.5, 1.2))[1],
                            min_step=kwargs.get('step_sizes', (1e-6, 50))[0], max_step=kwargs.get('step_sizes', (1e-6, 50))[1])
                runs.append({'variant': name, 'optimizer': 'Rprop', 'args': args, 'problem': problem,
                             'dtype': label, 'theta0': theta0, 'grads': grads, 'thetas': thetas})
    for problem, (_, _, lr) in PROBLEMS.items():   # the reference is SGD where κ = φ = 0
        theirs = torch_run('SGD', {}, problem, lr, torch.float64)[1]
        ours = reference(delta_bar_delta, {'kappa': 0.0, 'phi': 0.0, 'beta': 0.7}, problem, lr)[1]
        worst = max(abs(a - b) / (1e-10 * abs(b) + 1e-13) for ra, rb in zip(ours, theirs) for a, b in zip(ra, rb))
        assert worst <= 1, (problem, 'delta-bar-delta with κ = φ = 0 differs from torch SGD', worst)
    for name, args in DELTA_BAR_DELTA:
        for problem, (_, theta0, lr) in PROBLEMS.items():
            grads, thetas = reference(delta_bar_delta, args, problem, lr)
            runs.append({'variant': name, 'optimizer': 'DeltaBarDelta', 'args': dict(args, lr=lr), 'problem': problem,
                         'dtype': 'float64', 'theta0': theta0, 'grads': grads, 'thetas': thetas})
    with gzip.open(OUT, 'wt') as f:
        json.dump({'reference': 'torch.optim.Rprop 1.13 and pure Python, tools/golden/optim_rprop.py',
                   'steps': STEPS, 'runs': runs}, f)
    print(f'{len(runs)} runs -> {os.path.normpath(OUT)}')

if __name__ == '__main__':
    main()
