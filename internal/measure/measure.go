// Package measure holds what the room's benchmarks share: latency
// percentiles reported as metrics, the process's CPU time and live heap,
// and waiting for the process to come to rest between rounds. Test code
// only.
package measure

import (
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// Latency reports the 50th and 99th percentiles of ds as name-p50-ms and
// name-p99-ms.
func Latency(b *testing.B, name string, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	q := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(q(0.50), name+"-p50-ms")
	b.ReportMetric(q(0.99), name+"-p99-ms")
}

// CPUTime is the CPU time the process has used, user and system.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// LiveHeap is the heap in use after two collections.
func LiveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// InUse is the memory the process's Go runtime holds for live data: the
// heap after collecting, and the goroutines' stacks.
func InUse() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc + ms.StackInuse
}

// AtRest waits until the process has been at rest for span: under a tenth
// of a core in every 50 ms. Bounded: after 20 s it goes on, and says so.
func AtRest(b *testing.B, span time.Duration) {
	b.Helper()
	const window = 50 * time.Millisecond
	quiet := time.Duration(0)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		c0, t0 := CPUTime(), time.Now()
		time.Sleep(window)
		if CPUTime()-c0 < time.Since(t0)/10 {
			if quiet += window; quiet >= span {
				return
			}
		} else {
			quiet = 0
		}
	}
	b.Logf("the process never came to rest for %v within 20 s; measuring anyway", span)
}
