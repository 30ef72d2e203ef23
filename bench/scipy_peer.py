"""Times the Python peers on the benchmark's cases, for ratios taken in the same session.

scipy.ndimage.convolve (mode 'nearest', which is the benchmark's replicate edges) and
scipy.signal.fftconvolve (zero edges only, so it does less than the filter does).
Usage: python3 bench/scipy_peer.py [reps] [cases]   (cases: a comma-separated subset of
2d7,2d31,3d7,3d15; the benchmark's other cases have no scipy peer here)
"""
import sys
import time

import numpy as np
from scipy import ndimage, signal

REPS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
CASES = sys.argv[2].split(",") if len(sys.argv) > 2 else ["2d7", "2d31", "3d7", "3d15"]
rng = np.random.default_rng(1)


def median_seconds(work, reps=REPS):
    work()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def case(label, shape, kshape, slow):
    image = rng.random(shape, dtype=np.float32) * 1000
    kernel = (rng.random(kshape) - 0.3).astype(np.float32)
    fft = median_seconds(lambda: signal.fftconvolve(image, kernel, mode="same"))
    if slow:
        nd = median_seconds(lambda: ndimage.convolve(image, kernel, mode="nearest"), 1)
    else:
        nd = median_seconds(lambda: ndimage.convolve(image, kernel, mode="nearest"))
    print("| %s | %.0f ms | %.0f ms |" % (label, nd * 1e3, fft * 1e3))


print("| case | scipy.ndimage.convolve | scipy.signal.fftconvolve (zero edges) |")
print("|---|---|---|")
if "2d7" in CASES:
    case("2-D 7x7, 2048x2048", (2048, 2048), (7, 7), False)
if "2d31" in CASES:
    case("2-D 31x31, 2048x2048", (2048, 2048), (31, 31), True)
if "3d7" in CASES:
    case("3-D 7x7x7, 256x256x64", (64, 256, 256), (7, 7, 7), False)
if "3d15" in CASES:
    case("3-D 15x15x15, 256x256x64", (64, 256, 256), (15, 15, 15), True)
