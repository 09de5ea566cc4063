package webdoor

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"
	"time"

	"studyguide/room"
)

// cookieName holds a browser's place in the room: a random token naming
// its session here (never the seat word, which another screen may type).
const cookieName = "studyguide_seat"

// member is one browser's place in the room: the seat it holds (by its
// word, for taking it back after the browser was let go), the room's
// connection for it while it follows the room, the tabs following it, and
// the timer that lets it go when none has for a while. Two browsers on one
// seat are two members here: the later takes the seat, and the earlier is
// told.
type member struct {
	id    string // the cookie's value
	addr  string // where it joined from, for the log
	word  string
	token string
	seen  time.Time

	mu      sync.Mutex
	conn    *room.Member // nil once let go; a page makes a new one
	tabs    map[chan struct{}]bool
	away    *time.Timer // lets the connection go Grace after the last tab closed
	gen     int         // which connection the relay serves
	replace bool        // the seat was taken from another screen: say so, do not take it back
	// calm is when the page's next drawing may come: just after the
	// member's own vote, their page waits a moment, so a room voting at
	// once is counted on the projector before the voters' pages are
	// drawn again.
	calm time.Time
}

// gate is one address's tries at the code, kept between requests: three
// wrong codes end it, as they close an SSH connection.
type gate struct {
	g    *room.Gate
	used time.Time
}

// tokenFor is the form token of a browser's session: only the server can
// make it, and only a page of that browser holds it.
func (s *Server) tokenFor(id string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("form:" + id))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// newID is a fresh session id: 128 random bits.
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// gateFor is an address's gate: the one it has, or a new one (ErrRateLimited
// when the address is over its limit, ErrClosed when the room is).
func (s *Server) gateFor(addr string) (*room.Gate, error) {
	host := room.AddressOf(addr)
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if g := s.gates[host]; g != nil && g.g.Left() > 0 && now.Sub(g.used) < room.AddressWindow {
		g.used = now
		return g.g, nil
	}
	if len(s.gates) >= 1024 { // forget gates not used for a while
		for h, g := range s.gates {
			if now.Sub(g.used) > time.Minute || g.g.Left() == 0 {
				delete(s.gates, h)
			}
		}
	}
	g, err := s.room.Gate(addr)
	if err != nil {
		return nil, err
	}
	s.gates[host] = &gate{g: g, used: now}
	return g, nil
}

// seat keeps a browser that just took a seat and sets its cookie. A
// browser that held the seat before (the same person's other phone, or
// someone who was shown the seat word) is told by the room: its connection
// is Replaced, and its page says so.
func (s *Server) seat(w http.ResponseWriter, conn *room.Member, addr string) *member {
	id := newID()
	m := &member{id: id, addr: addr, word: conn.SeatWord(), token: s.tokenFor(id), tabs: map[chan struct{}]bool{}, conn: conn,
		seen: time.Now()}
	s.mu.Lock()
	if len(s.members) >= 8*s.room.MaxMembers()+64 {
		s.forgetIdle()
	}
	s.members[id] = m
	s.mu.Unlock()
	go s.relay(m, conn)
	s.linger(m)
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, MaxAge: 12 * 60 * 60})
	return m
}

// forgetIdle forgets the browsers longest gone whose connection ended;
// s.mu is held. Their seats stay in the room, for the seat word.
func (s *Server) forgetIdle() {
	cutoff := time.Now().Add(-time.Hour)
	for id, m := range s.members {
		m.mu.Lock()
		gone := (m.conn == nil || m.conn.Exit() != room.Staying) && m.seen.Before(cutoff)
		m.mu.Unlock()
		if gone {
			delete(s.members, id)
		}
	}
}

// memberOf is the browser whose cookie the request carries, nil for none
// (or a cookie this door never gave out).
func (s *Server) memberOf(r *http.Request) *member {
	c, err := r.Cookie(cookieName)
	if err != nil || len(c.Value) != 32 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.members[c.Value]
	if m != nil {
		m.mu.Lock()
		m.seen = time.Now()
		m.mu.Unlock()
	}
	return m
}

// connect is the member's connection to the room, taking their seat back
// if it was let go; nil when the seat is gone (the room closed, or the
// member took it on another screen) with the room's reason.
func (s *Server) connect(m *member) (*room.Member, room.Exit) {
	m.mu.Lock()
	conn, replaced := m.conn, m.replace
	m.mu.Unlock()
	if conn != nil {
		switch e := conn.Exit(); e {
		case room.Staying:
			s.linger(m)
			return conn, room.Staying
		case room.Replaced:
			m.mu.Lock()
			m.replace = true
			m.mu.Unlock()
			return conn, room.Replaced
		case room.Closed:
			return conn, room.Closed
		}
	}
	if replaced {
		return conn, room.Replaced
	}
	again, err := s.room.Reclaim(m.word) // a word this door gave out: no gate
	if err != nil {
		return conn, room.Closed
	}
	m.mu.Lock()
	m.conn = again
	m.gen++
	m.mu.Unlock()
	go s.relay(m, again)
	s.linger(m)
	return again, room.Staying
}

// takeBack takes the member's seat back on this screen after they took it
// on another.
func (s *Server) takeBack(m *member) {
	m.mu.Lock()
	m.replace = false
	old := m.conn
	m.conn = nil
	m.mu.Unlock()
	if old != nil {
		old.Leave()
	}
}

// relay tells the member's open tabs of each change the room signals for
// this connection, never waiting on a tab: a slow one reads one fresh view
// when it catches up.
func (s *Server) relay(m *member, conn *room.Member) {
	for range conn.Changes() {
		m.poke()
	}
	m.poke() // the connection ended: the tabs see why
}

func (m *member) poke() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for c := range m.tabs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}

// linger keeps the member in the room for Grace from now, unless a tab
// follows the room; then the connection is let go (the seat and votes
// stay; the next page takes them back).
func (s *Server) linger(m *member) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.away != nil {
		m.away.Stop()
	}
	if len(m.tabs) > 0 {
		m.away = nil
		return
	}
	conn := m.conn
	m.away = time.AfterFunc(s.grace, func() {
		m.mu.Lock()
		idle := len(m.tabs) == 0 && m.conn == conn
		if idle {
			m.conn = nil
		}
		m.mu.Unlock()
		if idle && conn != nil {
			conn.Leave()
			s.log.Printf("%s: a page stopped following the room; its seat is kept", m.addr)
		}
	})
}

// follow opens a tab's stream of changes; the returned func closes it.
func (s *Server) follow(m *member) (<-chan struct{}, func(), bool) {
	c := make(chan struct{}, 1)
	m.mu.Lock()
	if len(m.tabs) >= maxStreamsPerMember {
		m.mu.Unlock()
		return nil, nil, false
	}
	m.tabs[c] = true
	if m.away != nil {
		m.away.Stop()
		m.away = nil
	}
	m.mu.Unlock()
	c <- struct{}{} // the first view at once
	return c, func() {
		m.mu.Lock()
		delete(m.tabs, c)
		m.mu.Unlock()
		s.linger(m)
	}, true
}
