package room

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// MaxNameWidth is the most terminal cells a member's name takes.
const MaxNameWidth = 24

// seat is a member's place in the room for the whole meeting: their name
// and, through the items, their votes. A connection holds it while
// connected.
type seat struct {
	number   int // from 1, in the order seats were taken
	name     string
	identity string  // "" for a seat nobody can reclaim
	conn     *Member // nil while nobody is connected on it
}

// Exit says whether a member's connection is still in the room, and if not
// why.
type Exit int

// The exits.
const (
	Staying  Exit = iota // still in the room
	Left                 // the member left
	Replaced             // the same member joined from another connection
	Closed               // the facilitator closed the room
)

// Member is one connection's place in the room: a seat, and what this
// connection is looking at. Methods are safe to call from the session's
// goroutine while others use the room.
type Member struct {
	r         *Room
	seat      *seat
	changes   chan struct{}
	returning bool

	// Guarded by r.mu.
	exit      Exit
	following bool
	own       Step // the member's own step when not following
}

// Join seats a connection. key is the SSH public key's fingerprint, "" for
// a connection without one; name is what the member typed, cleaned with
// CleanName ("" gives "member N"). The seat is found by key, or without a
// key by name, so the same member joining again gets their seat, name and
// votes back; a connection still holding that seat is replaced. A new
// connection over MaxMembers gets ErrFull; a closed room ErrClosed.
//
// Joining again with a key and a new name renames the seat. Without a key
// and without a name the seat is named "member N", and typing that name
// on a reconnect finds it again.
func (r *Room) Join(key, name string) (*Member, error) {
	name = CleanName(name)
	identity := ""
	switch {
	case key != "":
		identity = "key:" + key
	case name != "":
		identity = nameIdentity(name)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	s := r.byIdentity[identity]
	if identity == "" {
		s = nil
	}
	takeover := s != nil && s.conn != nil
	if !takeover && r.present >= r.max {
		return nil, ErrFull
	}
	m := &Member{r: r, changes: make(chan struct{}, 1), following: true, returning: s != nil}
	switch {
	case s == nil:
		if len(r.seats) >= seatsPerMember*r.max {
			return nil, ErrFull
		}
		s = r.newSeat(identity, name)
	case takeover:
		old := s.conn
		old.exit = Replaced
		close(old.changes)
		r.present--
		fallthrough
	default:
		if key != "" && name != "" {
			s.name = name
		}
	}
	m.seat = s
	s.conn = m
	r.present++
	r.notifyFacilitators()
	return m, nil
}

// newSeat adds a seat; r.mu is held.
func (r *Room) newSeat(identity, name string) *seat {
	s := &seat{number: len(r.seats) + 1, name: name, identity: identity}
	if name == "" {
		s.name = fmt.Sprintf("member %d", s.number)
		if identity == "" {
			// Reclaimable by its name, unless someone typed that name.
			if _, taken := r.byIdentity[nameIdentity(s.name)]; !taken {
				s.identity = nameIdentity(s.name)
			}
		}
	}
	r.seats = append(r.seats, s)
	if s.identity != "" {
		r.byIdentity[s.identity] = s
	}
	return s
}

func nameIdentity(name string) string { return "name:" + strings.ToLower(name) }

// CleanName makes what a member typed safe to show on every screen:
// escape sequences and control characters removed, bidirectional controls
// and other invisible formatting dropped, runs of spaces made one, and at
// most MaxNameWidth cells wide.
func CleanName(s string) string {
	s = ansi.Strip(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		case unicode.IsControl(r), r == utf8.RuneError:
		case unicode.Is(unicode.Cf, r) && r != '\u200d': // keep the joiner of emoji sequences
		default:
			b.WriteRune(r)
		}
	}
	s = strings.Join(strings.Fields(b.String()), " ")
	if ansi.StringWidth(s) > MaxNameWidth {
		s = strings.TrimSpace(ansi.Truncate(s, MaxNameWidth-1, "")) + "…"
	}
	return s
}

// Returning reports whether the member had a seat before this connection.
func (m *Member) Returning() bool { return m.returning }

// Changes receives a value whenever this member's view may have changed,
// and is closed when the connection ends.
func (m *Member) Changes() <-chan struct{} { return m.changes }

// Leave ends the connection. The seat and its votes stay for a reconnect;
// the member is no longer counted in the room.
func (m *Member) Leave() {
	r := m.r
	r.mu.Lock()
	defer r.mu.Unlock()
	if m.exit != Staying {
		return
	}
	m.exit = Left
	close(m.changes)
	m.seat.conn = nil
	r.present--
	r.notifyFacilitators()
}

// Follow makes the member follow the facilitator's step again.
func (m *Member) Follow() {
	r := m.r
	r.mu.Lock()
	defer r.mu.Unlock()
	if m.exit == Staying {
		m.following = true
		poke(m.changes)
	}
}

// Goto puts the member on a step of their own (reading ahead or back);
// they stay there while the room moves on, until Follow.
func (m *Member) Goto(s Step) {
	r := m.r
	r.mu.Lock()
	defer r.mu.Unlock()
	if m.exit == Staying {
		m.following, m.own = false, s
		poke(m.changes)
	}
}
