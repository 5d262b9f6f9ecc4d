"""Golden trajectories of every Descent optimizer variant, computed by torch.optim 1.13.

Run with Debian's torch:  /usr/bin/python3 tools/golden/optim_golden.py
Writes src/test/resources/golden/optim/trajectories.json.gz: for each variant and problem, θ0, the
gradient torch computed at every step, and θ after every step (200 steps), in float64; and the
same for a subset in float32. The Java test feeds torch's gradients to our optimizer.

Every optimizer runs torch's default single-tensor path (foreach=False), except NAdam, which runs
the foreach path: torch 1.13's single-tensor NAdam multiplies mu_t into mu_product_next a second
time (fixed upstream later); the foreach path follows the paper. RAdam runs the single-tensor path
because torch 1.13's foreach RAdam leaves eps out of the denominator.
"""
import gzip, json, math, os
import torch

STEPS = 200
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'test', 'resources', 'golden', 'optim', 'trajectories.json.gz')

def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2

def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2

ANGLE, COND = math.radians(30), 50.0
def ravine(p):   # 0.5 * (u^2 + COND v^2), (u, v) = p rotated by ANGLE
    c, s = math.cos(ANGLE), math.sin(ANGLE)
    u = c * p[0] + s * p[1]
    v = -s * p[0] + c * p[1]
    return 0.5 * (u * u + COND * v * v)

def saddle(p):
    return p[0] ** 2 - p[1] ** 2

gen = torch.Generator().manual_seed(7)
A = torch.randn(60, 24, generator=gen, dtype=torch.float64) / math.sqrt(60)
b = torch.randn(60, generator=gen, dtype=torch.float64)
def lstsq(p):
    r = A.to(p.dtype) @ p - b.to(p.dtype)
    return 0.5 * (r * r).sum()

PROBLEMS = {   # name: (loss, θ0, lr for the SGD family, lr for the adaptive family)
    'rosenbrock': (rosenbrock, [-1.5, 2.0], 5e-4, 2e-2),
    'beale': (beale, [1.0, 1.5], 2e-3, 2e-2),
    'ravine': (ravine, [4.0, 3.0], 1e-2, 5e-2),
    'saddle': (saddle, [1.0, 1e-3], 2e-2, 2e-2),
    'lstsq': (lstsq, [0.0] * 24, 5e-2, 5e-2),
}

# (name, torch class, kwargs except lr, family, foreach)
VARIANTS = [
    ('sgd', 'SGD', {}, 'sgd', False),
    ('sgd_weight_decay', 'SGD', {'weight_decay': 0.1}, 'sgd', False),
    ('momentum', 'SGD', {'momentum': 0.9}, 'sgd', False),
    ('momentum_dampening', 'SGD', {'momentum': 0.9, 'dampening': 0.5}, 'sgd', False),
    ('momentum_weight_decay', 'SGD', {'momentum': 0.9, 'weight_decay': 0.1}, 'sgd', False),
    ('nesterov', 'SGD', {'momentum': 0.9, 'nesterov': True}, 'sgd', False),
    ('adagrad', 'Adagrad', {}, 'adaptive', False),
    ('adagrad_decay_init', 'Adagrad', {'lr_decay': 0.01, 'initial_accumulator_value': 0.1}, 'adaptive', False),
    ('adadelta', 'Adadelta', {}, 'adadelta', False),
    ('adadelta_rho', 'Adadelta', {'rho': 0.95, 'eps': 1e-4}, 'adadelta', False),
    ('rmsprop', 'RMSprop', {}, 'rmsprop', False),
    ('rmsprop_centered', 'RMSprop', {'centered': True}, 'rmsprop', False),
    ('rmsprop_momentum', 'RMSprop', {'momentum': 0.9}, 'rmsprop', False),
    ('rmsprop_centered_momentum', 'RMSprop', {'centered': True, 'momentum': 0.5}, 'rmsprop', False),
    ('adam', 'Adam', {}, 'adaptive', False),
    ('adam_betas', 'Adam', {'betas': (0.8, 0.99), 'eps': 1e-6}, 'adaptive', False),
    ('adam_weight_decay', 'Adam', {'weight_decay': 0.1}, 'adaptive', False),
    ('amsgrad', 'Adam', {'amsgrad': True}, 'adaptive', False),
    ('adamax', 'Adamax', {}, 'adaptive', False),
    ('nadam', 'NAdam', {}, 'adaptive', True),
    ('nadam_decay', 'NAdam', {'momentum_decay': 1e-2}, 'adaptive', True),
    ('adamw', 'AdamW', {}, 'adaptive', False),
    ('adamw_decay', 'AdamW', {'weight_decay': 0.5}, 'adaptive', False),
    ('radam', 'RAdam', {}, 'adaptive', False),
    ('radam_betas', 'RAdam', {'betas': (0.8, 0.99), 'eps': 1e-6}, 'adaptive', False),
]

def lr_for(family, problem):
    _, _, sgd_lr, adaptive_lr = PROBLEMS[problem]
    return {'sgd': sgd_lr, 'adaptive': adaptive_lr, 'adadelta': 1.0, 'rmsprop': adaptive_lr / 5}[family]

def run(variant, problem, dtype):
    name, cls, kwargs, family, foreach = variant
    loss_fn, theta0, _, _ = PROBLEMS[problem]
    p = torch.tensor(theta0, dtype=dtype, requires_grad=True)
    lr = lr_for(family, problem)
    opt = getattr(torch.optim, cls)([p], lr=lr, foreach=foreach, **kwargs)
    grads, thetas = [], []
    for _ in range(STEPS):
        opt.zero_grad()
        loss_fn(p).backward()
        grads.append(p.grad.tolist())
        opt.step()
        thetas.append(p.detach().tolist())
    assert all(math.isfinite(x) for row in thetas for x in row), (name, problem)
    args = dict(kwargs)
    if 'betas' in args:
        args['beta1'], args['beta2'] = args.pop('betas')
    args['lr'] = lr
    return {'variant': name, 'optimizer': cls, 'args': args, 'problem': problem,
            'dtype': 'float64' if dtype == torch.float64 else 'float32',
            'theta0': theta0, 'grads': grads, 'thetas': thetas}

def main():
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    runs = [run(v, p, torch.float64) for v in VARIANTS for p in PROBLEMS]
    runs += [run(v, p, torch.float32) for v in VARIANTS for p in ('ravine', 'saddle')]
    with gzip.open(OUT, 'wt') as f:
        json.dump({'torch': torch.__version__, 'steps': STEPS, 'runs': runs}, f)
    print(f'{len(runs)} runs -> {os.path.normpath(OUT)}')

if __name__ == '__main__':
    main()
