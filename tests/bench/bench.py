#!/usr/bin/env python3
"""bench.py SAFAR BENCH CMARK LARGE MEDIUM [REPS]: the figures of `make bench`.

Whole processes, as a user meets them: CPU time (user + system) and peak RSS
are the child's own (wait4). Each ratio is measured in the same run, the two
sides interleaved REPS times; the median is printed with the spread (lowest
and highest of the REPS ratios). docs/performance.md explains the figures."""
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

safar, bench, cmark, large, medium = sys.argv[1:6]
reps = int(sys.argv[6]) if len(sys.argv) > 6 else 3


last = {}  # user and system CPU of the last child


def run(argv):
    """(wall s, cpu s, peak RSS KiB) of one child; its output is discarded."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    last["user"], last["sys"] = ru.ru_utime, ru.ru_stime
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # check exits 1 on findings it reports
        sys.exit(f"bench: {' '.join(argv)} exited with {code}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def spread(v):
    v = sorted(v)
    return v[len(v) // 2], v[0], v[-1]


def show(label, v, unit="x", fmt="%.2f"):
    m, lo, hi = spread(v)
    print(f"  {label:<44} {fmt % m}{unit}  (spread {fmt % lo}-{fmt % hi}{unit})")


def bodies(root):
    return sorted(glob.glob(os.path.join(root, "content", "**", "*.md"), recursive=True))


def mtimes(d):
    out = {}
    for dp, _, fs in os.walk(d):
        for f in fs:
            p = os.path.join(dp, f)
            out[p] = os.stat(p).st_mtime_ns
    return out


def write_tree(src, dst):
    """(files, system CPU s) of writing src's files again under dst, as safar
    writes them; their bytes are read first, outside the measure."""
    data = []
    for dp, _, fs in os.walk(src):
        for f in fs:
            p = os.path.join(dp, f)
            with open(p, "rb") as fh:
                data.append((os.path.join(dst, os.path.relpath(p, src)), fh.read()))
    t0 = resource.getrusage(resource.RUSAGE_SELF).ru_stime
    made = set()
    for path, b in data:
        d = os.path.dirname(path)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        tmp = os.path.join(d, ".safar-tmp.bench." + os.path.basename(path))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.write(fd, b)
        os.close(fd)
        os.rename(tmp, path)
    return len(data), resource.getrusage(resource.RUSAGE_SELF).ru_stime - t0


def describe(root):
    md = subprocess.run([bench, root], check=True, capture_output=True, text=True)
    rendered, targets, modules = map(int, md.stdout.split())
    return rendered, targets, modules


print(f"make bench: {os.cpu_count()} processors, {reps} interleaved runs per ratio")

jobs = str(os.cpu_count() or 1)


def check():
    # The large root: check against cmark on the same bodies.
    files = bodies(large)
    rendered, targets, modules = describe(large)
    size = sum(os.path.getsize(f) for f in files)
    print(f"{large}: {modules} modules, {targets} editions, {size / 1e6:.1f} MB of module files")
    ratio, rss, cpu, base = [], [], [], []
    for _ in range(reps):
        _, c0, _ = run([cmark] + files)
        _, c1, m1 = run([safar, "check", "-q", "-C", large, "--today", "2025-01-01"])
        ratio.append(c1 / c0)
        cpu.append(c1)
        base.append(c0)
        rss.append(m1 / 1024)
    show("check CPU", cpu, " s")
    show("cmark parse+render of the bodies, CPU", base, " s")
    show("check CPU / cmark CPU (target <= 2)", ratio)
    show("check peak RSS (target <= 150 MiB)", rss, " MiB", "%.0f")


def builds():
    # The medium root: builds. Each build writes into a new empty folder, made
    # the same way for both sides, and nothing is deleted until every run is
    # done: on a file system without a journal (ext4 here), creating a file
    # right after many were deleted costs a scan past every recently deleted
    # inode, which would weigh on the side that creates more files
    # (docs/performance.md, "The figures"). That cost is shown apart, once.
    files = bodies(medium)
    rendered, targets, modules = describe(medium)
    print(f"{medium}: {modules} modules, {targets} editions, "
          f"{rendered / 1e6:.1f} MB of Markdown in the handbooks")
    tmp = tempfile.mkdtemp(prefix="safar-bench-", dir=os.path.dirname(os.path.abspath(medium)))
    full, fullcpu, html, noop, fullwall, htmlwall, cpus, mbs, cmbs, kept, syss, users = (
        [] for _ in range(12))
    noopcpu, noopwall = [], []
    try:
        for i in range(reps):
            o1, o2 = os.path.join(tmp, f"all{i}"), os.path.join(tmp, f"html{i}")
            w_all, c_all, _ = run([safar, "build", "-C", medium, "-o", o1, "-j", jobs])
            s_all = last["sys"]
            w_html, c_html, _ = run([safar, "build", "-C", medium, "-o", o2, "-j", jobs,
                                     "--format", "html"])
            syss.append((s_all, last["sys"]))
            users.append((c_all - s_all) / (c_html - last["sys"]))
            before = mtimes(o1)
            w_noop, c_noop, _ = run([safar, "build", "-C", medium, "-o", o1, "-j", jobs])
            after = mtimes(o1)
            kept.append(before == after)
            _, c_cm, _ = run([cmark] + files * 1)
            full.append(w_all / w_html)
            fullcpu.append(c_all / c_html)
            noop.append(w_noop / w_all)
            noopcpu.append(c_noop / c_all)
            noopwall.append(w_noop)
            fullwall.append(w_all)
            htmlwall.append(w_html)
            cpus.append((c_all, c_html))
            # Handbooks: Markdown rendered per second of CPU, against cmark's.
            mb = rendered / 1e6 / c_html
            cm = sum(os.path.getsize(f) for f in files) / 1e6 / c_cm
            mbs.append(mb)
            cmbs.append(cm)
        # The floor the file system sets: each build's files alone, written
        # the way safar writes them (a folder made once, then per file a
        # temporary created exclusively, written, closed and renamed).
        floor = [write_tree(os.path.join(tmp, name), os.path.join(tmp, f"floor-{name}"))
                 for name in ("all0", "html0")]
        # The same full build right after the outputs above were deleted.
        for i in range(reps):
            shutil.rmtree(os.path.join(tmp, f"all{i}"))
        _, c_rm, _ = run([safar, "build", "-C", medium, "-o", os.path.join(tmp, "after-rm"), "-j", jobs])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    show("full build, every format, CPU", [c for c, _ in cpus], " s")
    show("handbooks only (--format html), CPU", [h for _, h in cpus], " s")
    show("full build / handbooks only, CPU (target <= 2)", fullcpu)
    show("full build, every format, wall", fullwall, " s")
    show("handbooks only (--format html), wall", htmlwall, " s")
    show("full build / handbooks only, wall", full)
    show("full build / handbooks only, user CPU", users)
    show("full build, system CPU", [a for a, _ in syss], " s")
    show("handbooks only, system CPU", [h for _, h in syss], " s")
    for (n, t), what in zip(floor, ("full build's", "handbooks'")):
        print(f"  {f'writing the {what} {n} files alone, system CPU':<44} {t:.2f} s")
    print(f"  {'full build right after rm -rf of 3 others, CPU':<44} {c_rm:.2f} s")
    show("no-op rebuild, wall", noopwall, " s")
    show("no-op rebuild / full build, wall (target <= 0.10)", noop)
    show("no-op rebuild / full build, CPU", noopcpu)
    print(f"  {'no-op rebuild kept every mtime':<44} {'yes' if all(kept) else 'NO'}")
    show("handbooks: MB of Markdown per CPU second", mbs, " MB/s", "%.1f")
    show("cmark: MB of Markdown per CPU second", cmbs, " MB/s", "%.1f")
    show("handbooks MB/s / cmark MB/s", [a / b for a, b in zip(mbs, cmbs)])


def pdf():
    # PDF (DESIGN §7): the bundled content with --format pdf, against its
    # default build (HTML, checklists, workbooks, SMS, packs); pages laid out
    # per second. The target is on CPU time (user + system): on a shared
    # machine wall time says more about the other builds than about safar.
    # Fresh folders each, nothing deleted until the end, as for builds().
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    print(f"bundled content ({top}): --format pdf")
    tmp = tempfile.mkdtemp(prefix="safar-bench-", dir=os.path.dirname(os.path.abspath(medium)))
    pdfcpu, pdfwall, cpupdf, cpudef, pps = [], [], [], [], []
    upd, spd, udef, sdef = [], [], [], []
    npages = 0
    try:
        for i in range(reps):
            o1, o2 = os.path.join(tmp, f"pdf{i}"), os.path.join(tmp, f"dflt{i}")
            w_pdf, c_pdf, _ = run([safar, "build", "-C", top, "-o", o1, "-j", jobs, "--format", "pdf"])
            upd.append(last["user"])
            spd.append(last["sys"])
            w_def, c_def, _ = run([safar, "build", "-C", top, "-o", o2, "-j", jobs])
            udef.append(last["user"])
            sdef.append(last["sys"])
            pages = 0
            for dp, _, fs in os.walk(o1):
                for f in fs:
                    if f.endswith(".pdf"):
                        info = subprocess.run(["pdfinfo", os.path.join(dp, f)], capture_output=True, text=True).stdout
                        pages += int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
            npages = pages
            pdfcpu.append(c_pdf / c_def)
            pdfwall.append(w_pdf / w_def)
            cpupdf.append(c_pdf)
            cpudef.append(c_def)
            pps.append(pages / c_pdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"  {'PDF pages':<44} {npages}")
    show("PDF build, CPU", cpupdf, " s")
    show("default build, CPU", cpudef, " s")
    show("PDF pages laid out per CPU second", pps, " pages/s", "%.0f")
    show("PDF build / default build, CPU (target <= 3)", pdfcpu)
    show("PDF build / default build, wall", pdfwall)
    # The system time is creating files, dearer after recent deletions:
    # the user time is the steady part (docs/performance.md, "PDF").
    show("PDF build, user CPU", upd, " s")
    show("PDF build, system CPU", spd, " s")
    show("default build, user CPU", udef, " s")
    show("default build, system CPU", sdef, " s")
    show("PDF build / default build, user CPU", [a / b for a, b in zip(upd, udef)])


# BENCH_ONLY=check, builds or pdf: that section alone.
only = os.environ.get("BENCH_ONLY", "")
for name, section in (("check", check), ("builds", builds), ("pdf", pdf)):
    if only in ("", name):
        section()
