"""Golden trajectories of Descent's textbook forms, computed by an independent pure-Python reference.

Run with Debian's Python:  /usr/bin/python3 tools/golden/optim_textbook.py
Writes src/test/resources/golden/optim/textbook.json.gz: for each textbook form and problem, θ0, the
gradient at every step and θ after every step (200 steps), in float64, computed below from the
form's source (one line of Python per line of the formula, plain floats, no torch). Where a form
coincides with torch.optim 1.13 (momentum with η inside v while η is constant; dampened momentum with
d = 0; AMSGrad on a constant gradient; AdaDelta with η = 1; Nadam with
μ_t = β1 (torch's momentum_decay 1e5, foreach path as in optim_golden.py); Adam with ε̂ = 0; RMSprop and AdaMax with ε = 0; AdamW with λ = η·λ_torch), the reference is first checked against torch's own run.

Nesterov in Sutskever's form takes its gradient at the look-ahead point θ + μv, not at θ, so its runs
(under 'look_ahead_runs') also hold that point at every step. Torch's Nesterov is the same walk under
the change of variables φ = θ + μv, b = −v/η while η is constant: the reference is first checked
against torch's θ (= the reference's θ + μv) and momentum_buffer (= −v/η) after every step.
"""
import gzip, json, math, os
import torch

STEPS = 200
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'test', 'resources', 'golden', 'optim', 'textbook.json.gz')
ANGLE, COND = math.radians(30), 50.0

def rosenbrock(x, y):
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]

def beale(x, y):
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y ** 2, 2.625 - x + x * y ** 3
    return [2 * a * (y - 1) + 2 * b * (y ** 2 - 1) + 2 * c * (y ** 3 - 1),
            2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y ** 2]

def ravine(x, y):   # 0.5 (u² + COND v²), (u, v) = (x, y) rotated by ANGLE
    c, s = math.cos(ANGLE), math.sin(ANGLE)
    u, v = c * x + s * y, -s * x + c * y
    return [c * u - s * COND * v, s * u + c * COND * v]

def saddle(x, y):
    return [2 * x, -2 * y]

def slope(x, y):    # 3x − 2y: a constant gradient
    return [3.0, -2.0]

# name: (gradient, θ0, η)
PROBLEMS = {'rosenbrock': (rosenbrock, [-1.5, 2.0], 5e-4), 'beale': (beale, [1.0, 1.5], 2e-3),
            'ravine': (ravine, [4.0, 3.0], 1e-2), 'saddle': (saddle, [1.0, 1e-3], 2e-2),
            'slope': (slope, [0.0, 0.0], 1e-2)}

def momentum_textbook(lr, momentum):              # v ← γv + ηg, θ ← θ − v
    v = None
    def step(theta, g, t):
        nonlocal v
        v = [momentum * vi + lr * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        return [th - vi for th, vi in zip(theta, v)]
    return step

def dampened_momentum(lr, momentum, dampening):   # v ← μv + (1 − d)g from v = 0, θ ← θ − ηv
    v = None
    def step(theta, g, t):
        nonlocal v
        v = [momentum * vi + (1 - dampening) * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        return [th - lr * vi for th, vi in zip(theta, v)]
    return step

def adam_textbook(lr, beta1, beta2, eps_hat):     # Kingma & Ba, end of section 2, with ε̂
    m = v = None
    def step(theta, g, t):
        nonlocal m, v
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m or [0.0] * len(g), g)]
        v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        alpha_t = lr * math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        return [th - alpha_t * mi / (math.sqrt(vi) + eps_hat) for th, mi, vi in zip(theta, m, v)]
    return step

def amsgrad_textbook(lr, beta1, beta2, eps):     # v̂_max ← max(v̂_max, v̂), θ ← θ − η·m̂/(√v̂_max + ε)
    m = v = v_hat_max = None
    def step(theta, g, t):
        nonlocal m, v, v_hat_max
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m or [0.0] * len(g), g)]
        v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        v_hat_max = [max(a, vi / (1 - beta2 ** t)) for a, vi in zip(v_hat_max or [0.0] * len(g), v)]
        return [th - lr * (mi / (1 - beta1 ** t)) / (math.sqrt(a) + eps) for th, mi, a in zip(theta, m, v_hat_max)]
    return step

def adadelta_textbook(lr, rho, eps):              # Zeiler, Algorithm 1, accumulating Δx = η·RMS[Δx]/RMS[g]·g
    eg2 = edx2 = None
    def step(theta, g, t):
        nonlocal eg2, edx2
        eg2 = [rho * e + (1 - rho) * gi * gi for e, gi in zip(eg2 or [0.0] * len(g), g)]
        dx = [lr * math.sqrt(d + eps) / math.sqrt(e + eps) * gi for d, e, gi in zip(edx2 or [0.0] * len(g), eg2, g)]
        edx2 = [rho * d + (1 - rho) * x * x for d, x in zip(edx2 or [0.0] * len(g), dx)]
        return [th - x for th, x in zip(theta, dx)]
    return step

def nadam_textbook(lr, beta1, beta2, eps):       # Dozat, Algorithm 2 with μ_t = β1
    m = v = None
    def step(theta, g, t):
        nonlocal m, v
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m or [0.0] * len(g), g)]
        v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        m_hat = [beta1 * mi / (1 - beta1 ** (t + 1)) + (1 - beta1) * gi / (1 - beta1 ** t) for mi, gi in zip(m, g)]
        v_hat = [vi / (1 - beta2 ** t) for vi in v]
        return [th - lr * mh / (math.sqrt(vh) + eps) for th, mh, vh in zip(theta, m_hat, v_hat)]
    return step

def rmsprop_textbook(lr, rho, eps):               # v ← ρv + (1 − ρ)g², θ ← θ − ηg/√(v + ε)
    v = None
    def step(theta, g, t):
        nonlocal v
        v = [rho * vi + (1 - rho) * gi * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        return [th - lr * gi / math.sqrt(vi + eps) for th, gi, vi in zip(theta, g, v)]
    return step

def adamax_textbook(lr, beta1, beta2):            # Kingma & Ba, Algorithm 2
    m = u = None
    def step(theta, g, t):
        nonlocal m, u
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m or [0.0] * len(g), g)]
        u = [max(beta2 * ui, abs(gi)) for ui, gi in zip(u or [0.0] * len(g), g)]
        return [th - (lr / (1 - beta1 ** t)) * mi / ui for th, mi, ui in zip(theta, m, u)]
    return step

def adamw_textbook(lr, beta1, beta2, eps, weight_decay):   # Loshchilov & Hutter, Algorithm 2, η_t = 1
    m = v = None
    def step(theta, g, t):
        nonlocal m, v
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m or [0.0] * len(g), g)]
        v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(v or [0.0] * len(g), g)]
        m_hat = [mi / (1 - beta1 ** t) for mi in m]
        v_hat = [vi / (1 - beta2 ** t) for vi in v]
        return [th - (lr * mh / (math.sqrt(vh) + eps) + weight_decay * th) for th, mh, vh in zip(theta, m_hat, v_hat)]
    return step

# (name, Java class, reference, args without lr, the torch run it coincides with: (class, kwargs, reference args),
#  the problems where it coincides (None: all); an 'lr' in kwargs sets both runs' η)
VARIANTS = [
    ('dampened_momentum', 'DampenedMomentum', dampened_momentum, {'momentum': 0.9, 'dampening': 0.9},
     lambda lr: ('SGD', {'momentum': 0.9}, {'momentum': 0.9, 'dampening': 0.0}), None),
    ('adam_textbook', 'AdamTextbook', adam_textbook, {'beta1': 0.9, 'beta2': 0.999, 'eps_hat': 1e-3},
     lambda lr: ('Adam', {'eps': 0.0}, {'beta1': 0.9, 'beta2': 0.999, 'eps_hat': 0.0}), None),
    ('momentum_textbook', 'MomentumTextbook', momentum_textbook, {'momentum': 0.9},
     lambda lr: ('SGD', {'momentum': 0.9}, {'momentum': 0.9}), None),
    ('amsgrad_textbook', 'AmsGradTextbook', amsgrad_textbook, {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8},
     lambda lr: ('Adam', {'amsgrad': True}, {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8}), ['slope']),
    ('adadelta_textbook', 'AdaDeltaTextbook', adadelta_textbook, {'rho': 0.9, 'eps': 1e-6},
     lambda lr: ('Adadelta', {'lr': 1.0, 'rho': 0.9, 'eps': 1e-6}, {'rho': 0.9, 'eps': 1e-6}), None),
    ('nadam_textbook', 'NadamTextbook', nadam_textbook, {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8},
     lambda lr: ('NAdam', {'momentum_decay': 1e5, 'foreach': True}, {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8}), None),
    ('rmsprop_textbook', 'RmsPropTextbook', rmsprop_textbook, {'rho': 0.9, 'eps': 1e-7},
     lambda lr: ('RMSprop', {'alpha': 0.9, 'eps': 0.0}, {'rho': 0.9, 'eps': 0.0}), None),
    ('adamax_textbook', 'AdaMaxTextbook', adamax_textbook, {'beta1': 0.9, 'beta2': 0.999},
     lambda lr: ('Adamax', {'eps': 0.0}, {'beta1': 0.9, 'beta2': 0.999}), None),
    ('adamw_textbook', 'AdamWTextbook', adamw_textbook, {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8, 'weight_decay': 1e-3},
     lambda lr: ('AdamW', {'weight_decay': 1e-3 / lr}, {'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8, 'weight_decay': 1e-3}), None),
]

def nesterov_textbook(problem, lr, momentum):   # Sutskever et al. 2013, eq. 3–4, from v = 0
    grad, theta0, _ = PROBLEMS[problem]
    theta, v = list(theta0), [0.0] * len(theta0)
    aheads, grads, thetas, vs = [], [], [], []
    for _ in range(STEPS):
        ahead = [th + momentum * vi for th, vi in zip(theta, v)]    # θ + μv
        g = grad(*ahead)                                           # ∇f(θ + μv)
        v = [momentum * vi - lr * gi for vi, gi in zip(v, g)]       # v ← μv − ηg
        theta = [th + vi for th, vi in zip(theta, v)]               # θ ← θ + v
        aheads.append(ahead), grads.append(g), thetas.append(theta), vs.append(v)
    assert all(math.isfinite(x) for row in thetas for x in row)
    return aheads, grads, thetas, vs

def torch_nesterov(problem, lr, momentum):      # torch's θ and momentum_buffer after every step
    grad, theta0, _ = PROBLEMS[problem]
    p = torch.tensor(theta0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum, nesterov=True, foreach=False)
    thetas, buffers = [], []
    for _ in range(STEPS):
        p.grad = torch.tensor(grad(*p.detach().tolist()), dtype=torch.float64)
        opt.step()
        thetas.append(p.detach().tolist())
        buffers.append(opt.state[p]['momentum_buffer'].tolist())
    return thetas, buffers

def close(ours, theirs):   # every coordinate within 1e-10 relative (+1e-13 absolute), as the Java tests
    return max(abs(a - b) / (1e-10 * abs(b) + 1e-13) for ra, rb in zip(ours, theirs) for a, b in zip(ra, rb)) <= 1

def look_ahead_runs(momentum=0.9):
    runs = []
    for problem, (_, theta0, lr) in PROBLEMS.items():
        aheads, grads, thetas, vs = nesterov_textbook(problem, lr, momentum)
        torch_thetas, buffers = torch_nesterov(problem, lr, momentum)
        shifted = [[th + momentum * vi for th, vi in zip(a, b)] for a, b in zip(thetas, vs)]   # φ = θ + μv
        assert close(shifted, torch_thetas), (problem, "θ + μv is not torch's θ")
        assert close([[-vi / lr for vi in row] for row in vs], buffers), (problem, "−v/η is not torch's momentum_buffer")
        runs.append({'variant': 'nesterov_textbook', 'optimizer': 'NesterovTextbook', 'args': {'momentum': momentum, 'lr': lr},
                     'problem': problem, 'dtype': 'float64', 'theta0': theta0, 'lookaheads': aheads, 'grads': grads,
                     'thetas': thetas})
    return runs

def reference(make, args, problem, lr):
    grad, theta0, _ = PROBLEMS[problem]
    step, theta, grads, thetas = make(lr, **args), list(theta0), [], []
    for t in range(1, STEPS + 1):
        g = grad(*theta)
        theta = step(theta, g, t)
        grads.append(g)
        thetas.append(theta)
    assert all(math.isfinite(x) for row in thetas for x in row)
    return grads, thetas

def torch_run(cls, kwargs, problem, lr):
    grad, theta0, _ = PROBLEMS[problem]
    p = torch.tensor(theta0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, cls)([p], lr=lr, **dict({'foreach': False}, **kwargs))
    thetas = []
    for _ in range(STEPS):
        opt.zero_grad()
        p.grad = torch.tensor(grad(*p.detach().tolist()), dtype=torch.float64)
        opt.step()
        thetas.append(p.detach().tolist())
    return thetas

def main():
    torch.set_default_dtype(torch.float64)
    runs = []
    for name, java, make, args, coincide, where in VARIANTS:
        for problem, (_, theta0, lr) in PROBLEMS.items():
            grads, thetas = reference(make, args, problem, lr)
            cls, kwargs, ref_args = coincide(lr)
            if where is None or problem in where:
                kwargs = dict(kwargs)
                same_lr = kwargs.pop('lr', lr)
                theirs, ours = torch_run(cls, kwargs, problem, same_lr), reference(make, ref_args, problem, same_lr)[1]
                worst = max(abs(a - b) / (1e-10 * abs(b) + 1e-13) for ra, rb in zip(ours, theirs) for a, b in zip(ra, rb))
                assert worst <= 1, (name, problem, 'differs from torch where the forms coincide', worst)
            runs.append({'variant': name, 'optimizer': java, 'args': dict(args, lr=lr), 'problem': problem,
                         'dtype': 'float64', 'theta0': theta0, 'grads': grads, 'thetas': thetas})
    with gzip.open(OUT, 'wt') as f:
        json.dump({'reference': 'pure Python, tools/golden/optim_textbook.py', 'steps': STEPS, 'runs': runs,
                   'look_ahead_runs': look_ahead_runs()}, f)
    print(f'{len(runs)} runs and {len(PROBLEMS)} look-ahead runs -> {os.path.normpath(OUT)}')

if __name__ == '__main__':
    main()
