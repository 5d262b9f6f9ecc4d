"""Times one torch.optim step on 1e7 float32 parameters, one thread, foreach off and on, by the
thread's CPU time (the machine is shared; time spent descheduled is not counted).

/usr/bin/python3 tools/golden/optim_torch_bench.py   (prints a Markdown table, ns per parameter)
"""
import time
import torch

N = 10_000_000
OPTIMIZERS = {   # Descent name: (torch class, kwargs)
    'Sgd': ('SGD', {'lr': 1e-3}),
    'Momentum': ('SGD', {'lr': 1e-3, 'momentum': 0.9}),
    'Nesterov': ('SGD', {'lr': 1e-3, 'momentum': 0.9, 'nesterov': True}),
    'AdaGrad': ('Adagrad', {'lr': 1e-3}),
    'AdaDelta': ('Adadelta', {}),
    'RmsProp': ('RMSprop', {'lr': 1e-3}),
    'RmsPropCenteredMomentum': ('RMSprop', {'lr': 1e-3, 'centered': True, 'momentum': 0.9}),
    'Adam': ('Adam', {'lr': 1e-3}),
    'AdaMax': ('Adamax', {'lr': 1e-3}),
    'Nadam': ('NAdam', {'lr': 1e-3}),
    'AmsGrad': ('Adam', {'lr': 1e-3, 'amsgrad': True}),
    'AdamW': ('AdamW', {'lr': 1e-3}),
}

def ns_per_param(cls, kwargs, foreach, steps=10):
    p = torch.nn.Parameter(torch.rand(N) - 0.5)
    p.grad = torch.rand(N) - 0.5
    opt = getattr(torch.optim, cls)([p], foreach=foreach, **kwargs)
    for _ in range(3):
        opt.step()
    best = float('inf')
    for _ in range(steps):
        t0 = time.thread_time()
        opt.step()
        best = min(best, time.thread_time() - t0)
    return best * 1e9 / N

def main():
    torch.set_num_threads(1)
    print(f'torch {torch.__version__}, 1 thread, best of 10 steps by thread CPU time, ns/param')
    print('| optimizer | torch foreach=False | torch foreach=True |')
    print('|---|---:|---:|')
    for name, (cls, kwargs) in OPTIMIZERS.items():
        off = ns_per_param(cls, kwargs, False)
        on = ns_per_param(cls, kwargs, True)
        print(f'| {name} | {off:.2f} | {on:.2f} |', flush=True)

if __name__ == '__main__':
    main()
