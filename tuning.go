package main

import (
	"runtime/debug"
	"time"
)

// settleTime is when the full-screen program's start-up is over: the first
// frame written, the renderings behind it made.
const settleTime = time.Second

// leanGCPercent is the garbage collector's target once the program has
// started: the heap may grow to 1.5 times what is live instead of twice.
// Start-up runs at Go's default, so the first frame is not slowed.
const leanGCPercent = 50

// settleMemory gives back to the system, once start-up is over, the memory
// start-up needed and no longer does (Go keeps freed memory a while for
// reuse), and keeps the heap lean from then on: a reader resting on a page
// holds about 25 MB instead of 30.
func settleMemory() {
	time.AfterFunc(settleTime, func() {
		debug.SetGCPercent(leanGCPercent)
		debug.FreeOSMemory()
	})
}

// frameRate is how many frames a second Bubble Tea may write, at most. It
// writes the first one at its first tick after starting, so at its default
// of 60 the first screen waited up to 17 ms after it was ready; at 120 it
// waits at most 8 ms. A frame is written only when the screen changed, but
// the ticker runs on: idle in the reader the program uses about 1.5% of one
// core instead of 0.8% (ttff -I over 10 s).
const frameRate = 120
