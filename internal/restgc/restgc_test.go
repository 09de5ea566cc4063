package restgc

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// The collector runs once after a run of changes, once the room is quiet,
// not during the run and not again without a new change; not at all when
// it is not worth it; and it ends with the room.
func TestCollectsOnceTheRoomIsAtRest(t *testing.T) {
	changes := make(chan struct{}) // unbuffered: each change is taken before the next
	var calls atomic.Int32
	collected := make(chan struct{}, 10)
	worth := atomic.Bool{}
	worth.Store(true)
	c := restCollector{quiet: 30 * time.Millisecond, worth: worth.Load,
		collect: func() { calls.Add(1); collected <- struct{}{} }}
	ended := make(chan struct{})
	go func() { c.run(changes); close(ended) }()

	for range 20 { // a burst of votes, closer together than quiet
		changes <- struct{}{}
		if n := calls.Load(); n != 0 {
			t.Fatalf("collected %d times during the burst", n)
		}
	}
	select {
	case <-collected:
	case <-time.After(5 * time.Second):
		t.Fatal("never collected after the burst")
	}
	time.Sleep(4 * c.quiet)
	if n := calls.Load(); n != 1 {
		t.Fatalf("collected %d times after one burst, want 1", n)
	}

	worth.Store(false) // the heap has not grown enough
	changes <- struct{}{}
	time.Sleep(4 * c.quiet)
	if n := calls.Load(); n != 1 {
		t.Fatalf("collected when it was not worth it (%d calls)", n)
	}

	close(changes)
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the collector did not end with the room")
	}
}

// Worth it after the heap has grown by more than a quarter of its budget,
// not right after a collection.
func TestHeapWorthCollecting(t *testing.T) {
	runtime.GC()
	if heapWorthCollecting() {
		t.Fatal("worth collecting right after a collection")
	}
	mb := 0
	for ; !heapWorthCollecting() && mb < 256; mb++ { // garbage, a megabyte at a time
		sink = make([]byte, 1<<20)
	}
	if !heapWorthCollecting() {
		t.Fatalf("not worth collecting after %d MB of garbage", mb)
	}
}

var sink []byte
