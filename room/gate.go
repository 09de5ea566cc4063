package room

import (
	"crypto/subtle"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

// Limits on guessing the code. A wrong code counts against its address
// and against the room as a whole: many addresses (a campus network, an
// IPv6 prefix) share the room's budget, so adding addresses does not add
// guesses.
const (
	// MaxAttempts is how many codes one connection may try.
	MaxAttempts = 3
	// AddressFailures wrong codes from one address within AddressWindow
	// keep that address out until the oldest of them is AddressWindow old.
	// Generous enough for a room behind one NAT address where a few people
	// mistype; far too few to guess a code.
	AddressFailures = 10
	AddressWindow   = 10 * time.Minute
	// RoomFailures wrong codes from anywhere may come at once; then one
	// more each RoomRefill. While none is left the room takes no codes at
	// all (ErrBusy) and the facilitator's view says so. At most 6 guesses
	// a minute, 360 an hour, however many addresses try: against an
	// 8-digit code, half the codes take 15.9 years to try.
	RoomFailures = 30
	RoomRefill   = 10 * time.Second
	// sweepAt is how many addresses the room remembers before it forgets
	// those with no recent failures.
	sweepAt = 1024
	// recentAt bounds the wrong codes remembered for the facilitator's
	// view.
	recentAt = 1000
)

// Errors from a Gate.
var (
	ErrWrongCode   = errors.New("wrong code")
	ErrNoAttempts  = errors.New("wrong code too many times")
	ErrRateLimited = errors.New("too many wrong codes from this address; try again later")
	ErrBusy        = errors.New("too many wrong codes were tried in this room; it takes none for a minute")
	ErrNoCode      = errors.New("the room's code has not been given")
)

// Role is what a code lets a connection do.
type Role int

// The roles.
const (
	AsMember      Role = iota + 1 // join as a member
	AsFacilitator                 // drive the room (the facilitator code)
)

// door remembers recent wrong codes per address and for the whole room.
type door struct {
	mu       sync.Mutex
	failures map[string][]time.Time // by host, oldest first
	budget   int                    // wrong codes the room may still take now
	refilled time.Time              // when budget last grew
	recent   []time.Time            // the room's wrong codes, oldest first
	refused  int                    // tries refused while the room took none
}

// Door is what the facilitator may see of the door: whether someone is
// guessing the code.
type Door struct {
	// WrongCodes is how many wrong codes (and seat words) were tried in
	// the last AddressWindow, from anywhere.
	WrongCodes int
	// Paused says the room takes no codes now: too many were wrong.
	// Refused is how many tries it turned away while paused.
	Paused  bool
	Refused int
}

// Gate is one connection's way into the room: up to MaxAttempts tries at
// the code. It belongs to that connection's goroutine.
type Gate struct {
	r      *Room
	host   string
	left   int
	passed bool
}

// Gate starts a connection's tries at the code. remoteAddr is its address
// as the server gives it ("192.0.2.7:51234"); the port is ignored, so
// reconnecting does not reset the count, and an IPv6 address counts as its
// /64 network. An address over the limit gets ErrRateLimited and should be
// closed at once; a closed room ErrClosed.
func (r *Room) Gate(remoteAddr string) (*Gate, error) {
	host := AddressOf(remoteAddr)
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

// AddressOf is the address a limit counts of a remote address
// ("192.0.2.7:51234"): the host, and for IPv6 its /64 (one subscriber's
// network holds 2^64 addresses).
func AddressOf(remoteAddr string) string {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	if ip := net.ParseIP(host); ip != nil && ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return host
}

// Left is how many tries the connection has left.
func (g *Gate) Left() int { return g.left }

// Check tries a code; spaces and dashes in it are ignored ("1234 5678").
// It returns the role the code gives, or ErrWrongCode (try again: Left
// says how often), ErrNoAttempts or ErrRateLimited (close the connection),
// ErrBusy (the room takes no codes for now: say so, the try is not
// counted), or ErrClosed.
func (g *Gate) Check(code string) (Role, error) {
	if err := g.ready(); err != nil {
		return 0, err
	}
	r := g.r
	code = NormalizeCode(code)
	switch {
	case same(code, r.code):
		r.door.refund()
		g.passed = true
		return AsMember, nil
	case r.facCode != "" && same(code, r.facCode):
		r.door.refund()
		return AsFacilitator, nil
	}
	return 0, g.fail(ErrWrongCode)
}

// ready says whether the gate may try anything now; the room is paused
// when its budget is spent.
func (g *Gate) ready() error {
	r := g.r
	now := r.now()
	if g.left <= 0 {
		return ErrNoAttempts
	}
	if r.door.blocked(g.host, now) {
		g.left = 0
		return ErrRateLimited
	}
	r.mu.RLock()
	closed := r.closed
	r.mu.RUnlock()
	if closed {
		return ErrClosed
	}
	if !r.door.take(now) {
		return ErrBusy
	}
	return nil
}

// fail counts a wrong try, which took one of the room's budget in ready;
// the facilitator's screen is told.
func (g *Gate) fail(wrong error) error {
	g.left--
	g.r.door.fail(g.host, g.r.now())
	g.r.mu.Lock()
	g.r.notifyFacilitators()
	g.r.mu.Unlock()
	if g.left == 0 {
		return ErrNoAttempts
	}
	return wrong
}

// Join seats the connection once it has given the member code (see
// Room.Join); ErrNoCode before.
func (g *Gate) Join(key, name string) (*Member, error) {
	if !g.passed {
		return nil, ErrNoCode
	}
	return g.r.Join(key, name)
}

// Reclaim takes back the seat whose word was typed (see Room.Reclaim). A
// word no seat has is a wrong try, counted as a wrong code is: ErrNoSeat
// (Left says how many tries remain), or ErrNoAttempts, ErrRateLimited,
// ErrBusy as from Check.
func (g *Gate) Reclaim(word string) (*Member, error) {
	if err := g.ready(); err != nil {
		return nil, err
	}
	m, err := g.r.Reclaim(word)
	if errors.Is(err, ErrNoSeat) {
		return nil, g.fail(ErrNoSeat)
	}
	g.r.door.refund()
	return m, err
}

// NormalizeCode is a typed code without the spaces and dashes people put
// in long numbers.
func NormalizeCode(typed string) string {
	return strings.Map(func(c rune) rune {
		if c == ' ' || c == '-' || c == '\t' {
			return -1
		}
		return c
	}, strings.TrimSpace(typed))
}

// FormatCode groups a code's digits by four for reading aloud and typing:
// "1234 5678".
func FormatCode(code string) string {
	var b strings.Builder
	for i, c := range code {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// same compares codes in constant time.
func same(typed, code string) bool {
	return subtle.ConstantTimeCompare([]byte(typed), []byte(code)) == 1
}

// recentOf is the failures of one host within the window before now.
func (d *door) recentOf(host string, now time.Time) []time.Time {
	return within(d.failures[host], now)
}

// within is the times in ts (oldest first) less than AddressWindow before
// now.
func within(ts []time.Time, now time.Time) []time.Time {
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= AddressWindow {
		i++
	}
	return ts[i:]
}

func (d *door) blocked(host string, now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.recentOf(host, now)) >= AddressFailures
}

// take spends one of the room's wrong codes in advance of a try (a right
// code gives it back: refund); false when none is left.
func (d *door) take(now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refill(now)
	if d.budget == 0 {
		d.refused++
		return false
	}
	d.budget--
	return true
}

// refund gives back what take spent on a try that was not wrong.
func (d *door) refund() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.budget = min(d.budget+1, RoomFailures)
}

// refill adds one to the budget for each RoomRefill since it last did;
// d.mu is held.
func (d *door) refill(now time.Time) {
	if d.refilled.IsZero() || d.budget == RoomFailures {
		d.refilled = now
		return
	}
	n := int(now.Sub(d.refilled) / RoomRefill)
	if n > 0 {
		d.budget = min(RoomFailures, d.budget+n)
		d.refilled = d.refilled.Add(time.Duration(n) * RoomRefill)
	}
}

func (d *door) fail(host string, now time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.failures) >= sweepAt {
		for h := range d.failures {
			if len(d.recentOf(h, now)) == 0 {
				delete(d.failures, h)
			}
		}
	}
	fs := append(d.recentOf(host, now), now)
	if len(fs) > AddressFailures {
		fs = fs[len(fs)-AddressFailures:]
	}
	d.failures[host] = fs
	d.recent = append(within(d.recent, now), now)
	if len(d.recent) > recentAt {
		d.recent = d.recent[len(d.recent)-recentAt:]
	}
}

// view is what the facilitator sees of the door.
func (d *door) view(now time.Time) Door {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refill(now)
	return Door{WrongCodes: len(within(d.recent, now)), Paused: d.budget == 0, Refused: d.refused}
}
