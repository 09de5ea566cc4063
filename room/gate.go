package room

import (
	"crypto/subtle"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

// Limits on guessing the code.
const (
	// MaxAttempts is how many codes one connection may try.
	MaxAttempts = 3
	// AddressFailures wrong codes from one address within AddressWindow
	// keep that address out until the oldest of them is AddressWindow old.
	// Generous enough for a room behind one NAT address where a few people
	// mistype; far too few to guess a code.
	AddressFailures = 10
	AddressWindow   = 10 * time.Minute
	// sweepAt is how many addresses the room remembers before it forgets
	// those with no recent failures.
	sweepAt = 1024
)

// Errors from a Gate.
var (
	ErrWrongCode   = errors.New("wrong code")
	ErrNoAttempts  = errors.New("wrong code too many times")
	ErrRateLimited = errors.New("too many wrong codes from this address; try again later")
)

// Role is what a code lets a connection do.
type Role int

// The roles.
const (
	AsMember      Role = iota + 1 // join as a member
	AsFacilitator                 // drive the room (the facilitator code)
)

// door remembers recent wrong codes per address.
type door struct {
	mu       sync.Mutex
	failures map[string][]time.Time // by host, oldest first
}

// Gate is one connection's way into the room: up to MaxAttempts tries at
// the code. It belongs to that connection's goroutine.
type Gate struct {
	r    *Room
	host string
	left int
}

// Gate starts a connection's tries at the code. remoteAddr is its address
// as the SSH server gives it ("192.0.2.7:51234"); the port is ignored, so
// reconnecting does not reset the count. An address over the limit gets
// ErrRateLimited and should be closed at once; a closed room ErrClosed.
func (r *Room) Gate(remoteAddr string) (*Gate, error) {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	r.mu.RLock()
	closed := r.closed
	r.mu.RUnlock()
	switch {
	case closed:
		return nil, ErrClosed
	case r.door.blocked(host, r.now()):
		return nil, ErrRateLimited
	}
	return &Gate{r: r, host: host, left: MaxAttempts}, nil
}

// Left is how many tries the connection has left.
func (g *Gate) Left() int { return g.left }

// Check tries a code. It returns the role the code gives, or ErrWrongCode
// (try again: Left says how often), ErrNoAttempts or ErrRateLimited (close
// the connection), or ErrClosed.
func (g *Gate) Check(code string) (Role, error) {
	r := g.r
	now := r.now()
	if g.left <= 0 {
		return 0, ErrNoAttempts
	}
	if r.door.blocked(g.host, now) {
		g.left = 0
		return 0, ErrRateLimited
	}
	r.mu.RLock()
	closed := r.closed
	r.mu.RUnlock()
	if closed {
		return 0, ErrClosed
	}
	code = strings.TrimSpace(code)
	switch {
	case same(code, r.code):
		return AsMember, nil
	case r.facCode != "" && same(code, r.facCode):
		return AsFacilitator, nil
	}
	g.left--
	r.door.fail(g.host, now)
	if g.left == 0 {
		return 0, ErrNoAttempts
	}
	return 0, ErrWrongCode
}

// same compares codes in constant time.
func same(typed, code string) bool {
	return subtle.ConstantTimeCompare([]byte(typed), []byte(code)) == 1
}

// recent is the failures of one host within the window before now.
func (d *door) recent(host string, now time.Time) []time.Time {
	fs := d.failures[host]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= AddressWindow {
		i++
	}
	return fs[i:]
}

func (d *door) blocked(host string, now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.recent(host, now)) >= AddressFailures
}

func (d *door) fail(host string, now time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.failures) >= sweepAt {
		for h := range d.failures {
			if len(d.recent(h, now)) == 0 {
				delete(d.failures, h)
			}
		}
	}
	fs := append(d.recent(host, now), now)
	if len(fs) > AddressFailures {
		fs = fs[len(fs)-AddressFailures:]
	}
	d.failures[host] = fs
}
