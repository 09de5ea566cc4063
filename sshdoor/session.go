package sshdoor

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"studyguide/room"
	"studyguide/tui"
)

// program makes the Bubble Tea program of a session: the join screen, then
// a member's view or the facilitator's. nil refuses the session (the room
// is full, or the address tried too many wrong codes).
func (s *Server) program(sess ssh.Session) *tea.Program {
	key := ""
	if pk := sess.PublicKey(); pk != nil {
		key = gossh.FingerprintSHA256(pk)
	}
	driver := s.headless && s.isFacilitatorKey(sess.PublicKey())
	// A member's key that has a seat comes straight back to it: no code,
	// and no address's limit or paused room keeps them out.
	var back *room.Member
	if key != "" && !driver {
		back, _ = s.room.Rejoin(key)
	}
	var gate *room.Gate
	if back == nil {
		var err error
		if gate, err = s.room.Gate(sess.RemoteAddr().String()); err != nil {
			s.log.Printf("%s refused: %v", sess.RemoteAddr(), err)
			s.refuse(sess, "studyguide: "+err.Error()+".")
			return nil
		}
	}
	// The session's pty is read here, once: charm.land/ssh writes it
	// without a lock on every window change, so later sizes come from the
	// window changes (sessionState.resized).
	pty, windows, _ := sess.Pty()
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	jw, jh := joinSize(w, h)
	if back != nil { // no join screen: the member's view, at the terminal's size
		jw, jh = w, h
	}
	term := cleanTerm(pty.Term)
	st := &sessionState{width: w, height: h, windows: windows, conn: infoOf(sess.Context()),
		base: append(bubbletea.MakeOptions(sess), tea.WithWindowSize(jw, jh),
			tea.WithEnvironment(append(sess.Environ(), "TERM="+term)))}
	sess.Context().SetValue(stateKey{}, st)
	opts := tui.SessionOptions{Room: s.room, Gate: gate, Member: back, Deck: s.deck, Info: s.info, Key: key,
		Width: jw, Height: jh,
		Driver: driver,
		Joined: func(m *room.Member) {
			st.join()
			st.mu.Lock()
			st.member = m
			st.mu.Unlock()
			go tui.Relay(m.Changes(), st)
		},
		Farewell: func(text string) {
			st.mu.Lock()
			st.farewell = text
			st.mu.Unlock()
		},
	}
	if s.headless {
		opts.Drive = func(force bool) bool { return s.drive(st, force) }
		opts.HandOff = true
	}
	if back != nil {
		opts.Joined(back)
	}
	popts, quiet := programOptions(st.base, memberFPS)
	p := tea.NewProgram(tui.NewSession(s.pack, opts), popts...)
	st.start(p, quiet)
	go func() {
		if err := pumpInput(sess, term, st); err != nil {
			s.log.Printf("%s dropped: %v", sess.RemoteAddr(), err)
			st.kick("studyguide: " + err.Error() + "; the connection is closed.")
		}
	}()
	st.joinTimer = time.AfterFunc(s.joinWait, func() {
		if !st.joined.Load() {
			st.kick("studyguide: nobody joined on this connection in " + spell(s.joinWait) + "; connect again when you are ready.")
		}
	})
	return p
}

// runPrograms runs a session's programs: the join screen (and a member's
// view after it), then, for a connection that came to drive a headless
// room, the facilitator's screen in a program of its own at driverFPS
// (at the members' 30 frames a second a vote could wait 33 ms for the
// projected count to be drawn). Like wish's bubbletea middleware, it
// tells the program of window changes and ends it with the session.
func (s *Server) runPrograms(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		p := s.program(sess)
		if p == nil {
			next(sess)
			return
		}
		st := sess.Context().Value(stateKey{}).(*sessionState)
		ctx, cancel := context.WithCancel(sess.Context())
		go func() {
			windows := st.windows
			for {
				select {
				case <-ctx.Done():
					st.end()
					return
				case w, ok := <-windows:
					if !ok { // the connection's requests ended: no more sizes
						windows = nil
						continue
					}
					st.resized(w.Width, w.Height)
				}
			}
		}()
		for p != nil {
			final, err := p.Run()
			p.Kill()
			if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
				s.log.Printf("%s: the session's program ended: %v", sess.RemoteAddr(), err)
			}
			p = nil
			if model, ok := tui.HandedOff(final); ok && err == nil {
				p = s.handOff(sess, st, model)
			}
		}
		cancel()
		next(sess)
	}
}

// handOff makes the program of the facilitator's screen, model, for a
// session that came to drive; nil when another facilitator took over
// meanwhile (the session is told) or the session is over.
func (s *Server) handOff(sess ssh.Session, st *sessionState, model tea.Model) *tea.Program {
	st.mu.Lock()
	w, h := st.width, st.height
	st.mu.Unlock()
	popts, quiet := programOptions(st.base, driverFPS)
	p := tea.NewProgram(model, append(popts, tea.WithWindowSize(w, h))...)
	s.mu.Lock()
	drives := s.driver == st && st.start(p, quiet)
	s.mu.Unlock()
	if !drives {
		st.mu.Lock()
		if !st.ended {
			st.farewell = "Another facilitator took over driving the room."
		}
		st.mu.Unlock()
		return nil
	}
	go p.Send(tui.RoomChangedMsg{}) // what changed during the hand-off
	return p
}

// drive makes a session the driver of a headless room; force takes over
// from another driver, who is told.
func (s *Server) drive(st *sessionState, force bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.driver != nil && s.driver != st {
		if !force {
			return false
		}
		go s.driver.Send(tui.DriverReplacedMsg{})
	}
	s.driver = st
	st.hold() // the join program ends and hands off (SessionOptions.HandOff)
	sub := s.room.Drive()
	st.mu.Lock()
	st.sub = sub
	st.mu.Unlock()
	go tui.Relay(sub.C(), st)
	return true
}

// afterProgram runs when a session's program has ended: the member leaves
// (their seat and votes stay for a reconnect), a driver gives up the
// seat, and the session's terminal gets its farewell.
func (s *Server) afterProgram(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		st, ok := sess.Context().Value(stateKey{}).(*sessionState)
		if ok {
			st.joinTimer.Stop()
			st.endInput()
			st.mu.Lock()
			member, sub, text, kicked, width := st.member, st.sub, st.farewell, st.kicked, st.width
			st.mu.Unlock()
			if sub != nil {
				sub.Cancel()
				s.mu.Lock()
				if s.driver == st {
					s.driver = nil
				}
				s.mu.Unlock()
			}
			if member != nil {
				member.Leave()
				text = tui.MemberFarewell(s.pack, member, width)
			} else {
				text = wrapLine(text, width)
			}
			if kicked != "" {
				text = strings.TrimSpace(wrapLine(kicked, width) + "\n" + text)
			}
			if text != "" {
				wish.Println(sess, text)
			}
		}
		next(sess)
	}
}
