"""Times Descent's Jupyter kernel as a client sees it: cold start to the first cell's result, and
the round trip of a trivial cell ("i + 1": execute_request until the reply, with its iopub
messages) over a long session, in rounds, so that the JIT's warm-up shows.

Run by `./lab bench kernel [cells-per-round] [rounds]`, which sets JUPYTER_PATH to the kernelspec
it registers in build/jupyter. Prints one line per cold start and per round.
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def run(kc, code):
    msg = kc.execute(code)
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") == msg and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == "idle":
            break
    return kc.get_shell_msg(timeout=60)


def cpu_s(km):
    fields = open("/proc/%d/stat" % km.provisioner.process.pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    per_round = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print("load average %.2f; %d cores" % (os.getloadavg()[0], os.cpu_count()))
    for trial in range(3):
        start = time.perf_counter()
        km, kc = start_new_kernel(kernel_name="java", startup_timeout=60)
        run(kc, "1 + 1")
        print("cold start to the first result: %.2f s" % (time.perf_counter() - start))
        if trial < 2:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    cell = 0
    for r in range(rounds):
        cpu, times = cpu_s(km), []
        for _ in range(per_round):
            begin = time.perf_counter()
            run(kc, "%d + 1" % cell)
            times.append((time.perf_counter() - begin) * 1000)
            cell += 1
        kernel_cpu = (cpu_s(km) - cpu) * 1000 / per_round
        info = []
        for _ in range(30):
            begin = time.perf_counter()
            kc.kernel_info(reply=True, timeout=10)
            info.append((time.perf_counter() - begin) * 1000)
        times.sort()
        print("cells %4d-%4d: trivial cell median %5.1f ms (p10 %5.1f, p90 %5.1f), kernel CPU %5.1f ms per cell;"
              " kernel_info median %.1f ms" % (cell - per_round + 1, cell, statistics.median(times),
                                                 times[per_round // 10], times[per_round * 9 // 10], kernel_cpu,
                                                 statistics.median(info)))
    kc.stop_channels()
    km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
