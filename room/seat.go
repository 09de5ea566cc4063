package room

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// MaxNameWidth is the most terminal cells a member's name takes.
const MaxNameWidth = 24

// ErrNoSeat is a seat word no seat of the room has.
var ErrNoSeat = errors.New("no seat has that seat word")

// seat is a member's place in the room for the whole meeting: their name
// and, through the items, their votes. A connection holds it while
// connected. Only its key or its seat word finds it again; a name never
// does, so nobody takes a seat (and sees its votes) by typing a name.
type seat struct {
	number int    // from 1, in the order seats were made; never reused
	name   string // unique in the room, whatever the case
	key    string // the SSH key's fingerprint, "" without one
	word   string // the seat word, shown to its member alone
	conn   *Member
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
// CleanName ("" gives "member N"; a name another seat has gets a number:
// "Ana 2"). A connection with a key gets that key's seat back, votes and
// all, taking it over from any connection still holding it, and renamed
// when it typed a name. Without a key a connection gets a new seat: a
// member takes a seat back without their key only with its seat word
// (Reclaim).
//
// A new seat is refused (ErrFull) while MaxMembers members are in the
// room; a member coming back to their own seat is never refused. A closed
// room refuses everyone (ErrClosed).
func (r *Room) Join(key, name string) (*Member, error) {
	name = CleanName(name)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	if s := r.byKey[key]; key != "" && s != nil {
		if name != "" {
			s.name = r.uniqueName(name, s)
		}
		return r.seatMember(s, true), nil
	}
	if r.present >= r.max {
		return nil, ErrFull
	}
	s, err := r.newSeat(key, name)
	if err != nil {
		return nil, err
	}
	return r.seatMember(s, false), nil
}

// Rejoin seats a connection with an SSH key on that key's seat, without
// the room's code: the key is the member's proof, so a member whose
// connection dropped comes straight back, even while the address or the
// room takes no codes. ErrNoSeat when the key has no seat here.
func (r *Room) Rejoin(key string) (*Member, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	s := r.byKey[key]
	if key == "" || s == nil {
		return nil, ErrNoSeat
	}
	return r.seatMember(s, true), nil
}

// Reclaim seats a connection on the seat whose word it typed (see
// SeatWord): the member's name and votes come back, and a connection
// still holding the seat is replaced. A word no seat has gives ErrNoSeat;
// the door counts it as a wrong code (Gate.Reclaim does). A full room
// never refuses a member coming back.
func (r *Room) Reclaim(word string) (*Member, error) {
	word, ok := ParseSeatWord(word)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	s := r.byWord[word]
	if !ok || s == nil {
		return nil, ErrNoSeat
	}
	return r.seatMember(s, true), nil
}

// seatMember puts a new connection on a seat, replacing any connection
// still on it; r.mu is held.
func (r *Room) seatMember(s *seat, returning bool) *Member {
	m := &Member{r: r, changes: make(chan struct{}, 1), following: true, returning: returning}
	if old := s.conn; old != nil {
		old.exit = Replaced
		close(old.changes)
		r.present--
	}
	m.seat = s
	s.conn = m
	r.present++
	r.notifyFacilitators()
	return m
}

// newSeat makes a seat with a fresh seat word, forgetting the oldest
// empty seat when the room keeps as many as it may (its votes stay in the
// tallies; nobody can take it back); r.mu is held.
func (r *Room) newSeat(key, name string) (*seat, error) {
	if len(r.seats) >= seatsPerMember*r.max {
		r.forgetOldestEmptySeat()
	}
	word, err := r.freshWord()
	if err != nil {
		return nil, err
	}
	r.made++
	s := &seat{number: r.made, key: key, word: word}
	if name == "" {
		name = fmt.Sprintf("member %d", s.number)
	}
	s.name = r.uniqueName(name, s)
	r.seats = append(r.seats, s)
	if key != "" {
		r.byKey[key] = s
	}
	r.byWord[word] = s
	return s, nil
}

// forgetOldestEmptySeat drops the oldest seat nobody holds; r.mu is held.
// There is always one: at most MaxMembers seats are held by newcomers,
// and the room keeps several times as many.
func (r *Room) forgetOldestEmptySeat() {
	for i, s := range r.seats {
		if s.conn != nil {
			continue
		}
		r.seats = append(r.seats[:i:i], r.seats[i+1:]...)
		if s.key != "" {
			delete(r.byKey, s.key)
		}
		delete(r.byWord, s.word)
		for _, it := range r.order {
			it.cat.forget(s.number)
			it.sign.forget(s.number)
		}
		return
	}
}

// freshWord draws a seat word no seat has; r.mu is held. With a few
// hundred seats among 2.8e11 words a second draw is rare; a random source
// that keeps repeating itself is an error.
func (r *Room) freshWord() (string, error) {
	for range 64 {
		w, err := newSeatWord(r.random)
		if err != nil {
			return "", err
		}
		if r.byWord[w] == nil {
			return w, nil
		}
	}
	return "", errors.New("making a seat word: the random source repeats itself")
}

// uniqueName is name, or name with a number after it when another seat
// has it (in any case): "Ana", then "Ana 2"; r.mu is held.
func (r *Room) uniqueName(name string, self *seat) string {
	taken := func(n string) bool {
		for _, s := range r.seats {
			if s != self && strings.EqualFold(s.name, n) {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for i := 2; ; i++ {
		suffix := fmt.Sprintf(" %d", i)
		n := name
		if ansi.StringWidth(n+suffix) > MaxNameWidth {
			n = strings.TrimSpace(ansi.Truncate(n, MaxNameWidth-ansi.StringWidth(suffix)-1, "")) + "…"
		}
		if !taken(n + suffix) {
			return n + suffix
		}
	}
}

// Seat words: what a member without their SSH key (or on another device)
// types to take their seat back. Eight characters from 27 that are not
// easily confused and hold no vowel (so no word and no name is one), in
// two groups: "k7m2-9qxw". 27^8 is about 2.8e11.
const (
	seatAlphabet = "23456789bcdfghjkmnpqrstvwxz"
	seatGroup    = 4
)

func newSeatWord(random io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < 2*seatGroup+1 {
		if b.Len() == seatGroup {
			b.WriteByte('-')
		}
		if _, err := io.ReadFull(random, buf); err != nil {
			return "", fmt.Errorf("making a seat word: %w", err)
		}
		// Rejection sampling: 256 - 256%27 values map evenly.
		if int(buf[0]) < 256-256%len(seatAlphabet) {
			b.WriteByte(seatAlphabet[int(buf[0])%len(seatAlphabet)])
		}
	}
	return b.String(), nil
}

// ParseSeatWord reads what a member typed as a seat word: any case, with
// or without the dash or spaces. ok is false when it cannot be one (a name,
// say); word is then "".
func ParseSeatWord(typed string) (word string, ok bool) {
	var b strings.Builder
	for _, c := range strings.ToLower(typed) {
		switch {
		case c == '-' || unicode.IsSpace(c):
		case c < utf8.RuneSelf && strings.IndexByte(seatAlphabet, byte(c)) >= 0:
			b.WriteRune(c)
		default:
			return "", false
		}
	}
	if b.Len() != 2*seatGroup {
		return "", false
	}
	s := b.String()
	return s[:seatGroup] + "-" + s[seatGroup:], true
}

// LooksLikeSeatWord says whether what a member typed where the name goes
// has the shape of a seat word (two groups of four letters and digits,
// with the dash): one mistyped is then said to be wrong, not taken for a
// name, which would give the member a new seat and show the near-secret on
// the list of who is here.
func LooksLikeSeatWord(typed string) bool {
	t := strings.ToLower(strings.TrimSpace(typed))
	if len(t) != 2*seatGroup+1 || t[seatGroup] != '-' {
		return false
	}
	for i, c := range t {
		if i != seatGroup && !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// CleanName makes what a member typed safe to show on every screen:
// escape sequences and control characters removed, bidirectional controls
// and other invisible formatting dropped, runs of spaces made one, and at
// most MaxNameWidth cells wide.
func CleanName(s string) string {
	s = CleanText(s)
	if ansi.StringWidth(s) > MaxNameWidth {
		s = strings.TrimSpace(ansi.Truncate(s, MaxNameWidth-1, "")) + "…"
	}
	return s
}

// CleanText makes any text from a client safe to show on a terminal or
// write to a log, on one line: escape sequences and control characters
// removed, invisible formatting (bidirectional controls among it) dropped,
// runs of spaces made one. It does not cut the text: callers cap it.
func CleanText(s string) string {
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
	return strings.Join(strings.Fields(b.String()), " ")
}

// Exit says whether the connection is still in the room, and if not why:
// View's Exit, without the rest of the view.
func (m *Member) Exit() Exit {
	m.r.mu.RLock()
	defer m.r.mu.RUnlock()
	return m.exit
}

// Returning reports whether the member had a seat before this connection.
func (m *Member) Returning() bool { return m.returning }

// SeatWord is the word that takes this member's seat back (Reclaim): show
// it to this member alone.
func (m *Member) SeatWord() string { return m.seat.word }

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
