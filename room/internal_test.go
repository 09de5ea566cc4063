package room

import (
	"strconv"
	"testing"
	"time"

	"studyguide/content"
)

// The room forgets addresses whose failures have aged out once it
// remembers many, so a scan from many addresses cannot grow it for ever.
func TestRateLimitForgetsOldAddresses(t *testing.T) {
	now := time.Date(2026, 3, 5, 19, 0, 0, 0, time.UTC)
	r, err := New(Config{Pack: &content.Pack{}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	for i := range sweepAt {
		r.door.fail("10.0.0."+strconv.Itoa(i), now)
	}
	if n := len(r.door.failures); n != sweepAt {
		t.Fatalf("remembers %d addresses, want %d: none has aged out", n, sweepAt)
	}
	now = now.Add(AddressWindow)
	r.door.fail("192.0.2.1", now)
	if n := len(r.door.failures); n != 1 {
		t.Errorf("remembers %d addresses after the window, want 1", n)
	}
	// A host's list never grows past the limit.
	for range 3 * AddressFailures {
		r.door.fail("192.0.2.1", now)
	}
	if n := len(r.door.failures["192.0.2.1"]); n != AddressFailures {
		t.Errorf("remembers %d failures of one address, want %d", n, AddressFailures)
	}
}
