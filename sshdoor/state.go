package sshdoor

import (
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"studyguide/room"
)

// sessionState is what the wiring keeps of one session: its program of
// the moment (the join screen and a member's view, or the facilitator's
// screen after a hand-off), the seat, the driver's subscription, the
// farewell.
type sessionState struct {
	mu       sync.Mutex
	current  *tea.Program
	held     []tea.Msg // during a hand-off: keys and changes for the next program
	holding  bool
	member   *room.Member
	sub      *room.Subscription
	quiet    *quietInput
	farewell string
	width    int // the terminal's size, as last told (clamped)
	height   int
	ended    bool   // the session is over: no program is to start
	kicked   string // why the server closed the session, said first
	joined   atomic.Bool
	conn     *connInfo // nil outside the server
	// joinTimer kicks a session that has not joined in joinWait; stopped
	// when the session ends, which lets go of it.
	joinTimer *time.Timer

	// set when the session starts, then only read
	windows <-chan ssh.Window
	base    []tea.ProgramOption // wish's options for the session's programs
}

// maxHeld bounds what a hand-off keeps for the next program.
const maxHeld = 1024

// Send gives msg to the session's program of the moment. During a
// hand-off it is kept, in order, for the next program: a key pressed
// while the facilitator's screen changes programs is not lost.
func (st *sessionState) Send(msg tea.Msg) {
	st.mu.Lock()
	if st.holding {
		if len(st.held) < maxHeld {
			st.held = append(st.held, msg)
		}
		st.mu.Unlock()
		return
	}
	p := st.current
	st.mu.Unlock()
	if p != nil {
		p.Send(msg)
	}
}

// hold starts a hand-off: from now on messages wait for the next program.
func (st *sessionState) hold() {
	st.mu.Lock()
	st.holding = true
	st.mu.Unlock()
	st.join()
}

// resized records the terminal's size and tells the program, no larger
// than clampSize lets it be (and joinSize before the session joins).
func (st *sessionState) resized(w, h int) {
	w, h = clampSize(w, h)
	st.mu.Lock()
	st.width, st.height = w, h
	st.mu.Unlock()
	st.Send(st.size(w, h))
}

// size is the size the session's program is told of a terminal of w×h:
// before it joins, the join screen is laid out no larger than joinSize.
func (st *sessionState) size(w, h int) tea.WindowSizeMsg {
	if !st.joined.Load() {
		w, h = joinSize(w, h)
	}
	return tea.WindowSizeMsg{Width: w, Height: h}
}

// end marks the session over and quits its program.
func (st *sessionState) end() {
	st.mu.Lock()
	st.ended = true
	st.holding, st.held = false, nil
	p := st.current
	st.mu.Unlock()
	p.Quit()
}

// start makes p the session's program unless the session is over, and
// gives it what was held for it, in order, before anything newer.
func (st *sessionState) start(p *tea.Program, quiet *quietInput) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.ended {
		return false
	}
	st.current, st.quiet = p, quiet
	if st.holding {
		go st.release(p)
	}
	return true
}

// release sends what was held to p until nothing is, then ends the hold.
func (st *sessionState) release(p *tea.Program) {
	for {
		st.mu.Lock()
		held := st.held
		st.held = nil
		if len(held) == 0 {
			st.holding = false
			st.mu.Unlock()
			return
		}
		st.mu.Unlock()
		for _, msg := range held {
			p.Send(msg)
		}
	}
}

// join marks the session as having a seat (or the driver's): from now
// on it may send as much as a member does.
func (st *sessionState) join() {
	if st.joined.Swap(true) {
		return
	}
	if st.conn != nil {
		st.conn.joined.Store(true)
	}
	st.mu.Lock()
	w, h := st.width, st.height
	st.mu.Unlock()
	go st.Send(tea.WindowSizeMsg{Width: w, Height: h}) // the whole terminal, now
}

// kick ends the session for a reason said in one line before anything
// else it prints.
func (st *sessionState) kick(why string) {
	st.mu.Lock()
	if st.kicked == "" {
		st.kicked = why
	}
	st.mu.Unlock()
	st.end()
}

func (st *sessionState) endInput() {
	st.mu.Lock()
	q := st.quiet
	st.mu.Unlock()
	q.end()
}

type stateKey struct{}
