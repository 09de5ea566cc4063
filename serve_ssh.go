package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	charmlog "charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/ratelimiter"
	"charm.land/wish/v2/recover"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"studyguide/content"
	"studyguide/room"
	"studyguide/tui"
)

// serverConfig is how a room is served over SSH.
type serverConfig struct {
	// Listen is the address to listen on (":2222").
	Listen string
	// HostKey is the server's ed25519 key, made on the first run.
	HostKey string
	// FacilitatorKeys is an authorized_keys file whose keys drive a
	// headless room without the facilitator code; "" for none.
	FacilitatorKeys string
	// Log receives connections, disconnections and panics.
	Log io.Writer
	// LogNames puts in the log what clients say about themselves (user
	// names, keys, terminals) beside their addresses; see logSessions.
	LogNames bool
	// ConnRate and ConnBurst limit new sessions per address (wish's
	// ratelimiter); 0 means the defaults, generous enough for a room
	// behind one NAT address joining at once.
	ConnRate  rate.Limit
	ConnBurst int
	// IdleTimeout closes a connection that sent and received nothing for
	// this long; 0 means defaultIdle. A member who only watches still
	// receives frames, but a meeting has long quiet stretches.
	IdleTimeout time.Duration
	// SessionWait and JoinWait close a connection that opens no session,
	// and a session that takes no seat, this long after they start; 0
	// means sessionWait and joinWait.
	SessionWait, JoinWait time.Duration
}

const (
	defaultIdle      = 4 * time.Hour
	defaultConnRate  = 5 // sessions a second per address, after the burst
	defaultConnBurst = 60
)

// roomServer serves a room over SSH with wish: one Bubble Tea program per
// session, over the shared, read-only pack and deck.
type roomServer struct {
	pack     *content.Pack
	room     *room.Room
	deck     *tui.Deck
	info     tui.JoinInfo
	srv      *ssh.Server
	ln       net.Listener
	facKeys  []ssh.PublicKey
	log      *log.Logger
	logNames bool
	headless bool
	conns    *conns
	joinWait time.Duration

	mu     sync.Mutex
	driver *sessionState // the facilitator driving over SSH, nil for none
}

// newRoomServer makes the host key if there is none yet and starts
// listening; serve then takes connections.
func newRoomServer(pack *content.Pack, r *room.Room, deck *tui.Deck, cfg serverConfig) (*roomServer, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.ConnRate == 0 {
		cfg.ConnRate, cfg.ConnBurst = defaultConnRate, defaultConnBurst
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = defaultIdle
	}
	if cfg.SessionWait == 0 {
		cfg.SessionWait = sessionWait
	}
	if cfg.JoinWait == 0 {
		cfg.JoinWait = joinWait
	}
	s := &roomServer{pack: pack, room: r, deck: deck, log: log.New(cfg.Log, "", log.LstdFlags), logNames: cfg.LogNames,
		headless: r.FacilitatorCode() != ""}
	s.joinWait = cfg.JoinWait
	s.conns = newConns(r.MaxMembers()+spareConns, cfg.SessionWait, func(addr, why string) { s.log.Printf("%s dropped: %s", addr, why) })
	charmlog.SetOutput(cfg.Log) // wish's own messages (a program that ended on an error)
	if err := checkHostKey(cfg.HostKey); err != nil {
		return nil, err
	}
	if cfg.FacilitatorKeys != "" {
		keys, err := readAuthorizedKeys(cfg.FacilitatorKeys)
		if err != nil {
			return nil, err
		}
		s.facKeys = keys
	}
	accept := func(ssh.Context, string) bool { return true }
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKey),
		// Anyone may connect, with any key or none: the room code is the
		// door. A key, when given, is the member's seat on a reconnect.
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithPasswordAuth(accept),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(recover.MiddlewareWithLogger(s.log,
			s.afterProgram,
			s.runPrograms,
			s.needTerminal,
			ratelimiter.Middleware(ratelimiter.NewRateLimiter(cfg.ConnRate, cfg.ConnBurst, 4096)),
			s.logSessions,
			s.limitSessions,
		)),
	)
	if err != nil {
		return nil, fmt.Errorf("the SSH server: %w", err)
	}
	srv.HandshakeTimeout = 30 * time.Second
	srv.ConnCallback = s.conns.accept
	s.srv = srv
	if len(srv.HostSigners) > 0 {
		s.info.Fingerprint = gossh.FingerprintSHA256(srv.HostSigners[0].PublicKey())
	}
	if s.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, err
	}
	s.info.Code = r.Code()
	s.info.Port = s.ln.Addr().(*net.TCPAddr).Port
	s.info.Hosts = joinHosts(cfg.Listen)
	go newRestCollector().run(r.Subscribe().C()) // ends with the room
	return s, nil
}

// serve takes connections until shutdown.
func (s *roomServer) serve() error {
	if err := s.srv.Serve(s.ln); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// shutdown ends the room (every session is told and says goodbye), waits
// for the sessions to end until ctx is done, then closes what is left.
func (s *roomServer) shutdown(ctx context.Context) {
	s.room.Close()
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
	}
}

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

// sender is where a session's keys and the room's changes go.
type sender interface{ Send(tea.Msg) }

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

// program makes the Bubble Tea program of a session: the join screen, then
// a member's view or the facilitator's. nil refuses the session (the room
// is full, or the address tried too many wrong codes).
func (s *roomServer) program(sess ssh.Session) *tea.Program {
	gate, err := s.room.Gate(sess.RemoteAddr().String())
	if err != nil {
		s.refuse(sess, "studyguide: "+err.Error()+".")
		return nil
	}
	// The session's pty is read here, once: charm.land/ssh writes it
	// without a lock on every window change, so later sizes come from the
	// window changes (sessionState.resized).
	pty, windows, _ := sess.Pty()
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	jw, jh := joinSize(w, h)
	term := cleanTerm(pty.Term)
	st := &sessionState{width: w, height: h, windows: windows, conn: infoOf(sess.Context()),
		base: append(bubbletea.MakeOptions(sess), tea.WithWindowSize(jw, jh),
			tea.WithEnvironment(append(sess.Environ(), "TERM="+term)))}
	sess.Context().SetValue(stateKey{}, st)
	key := ""
	if pk := sess.PublicKey(); pk != nil {
		key = gossh.FingerprintSHA256(pk)
	}
	opts := tui.SessionOptions{Room: s.room, Gate: gate, Deck: s.deck, Info: s.info, Key: key,
		Width: jw, Height: jh,
		Driver: s.headless && s.isFacilitatorKey(sess.PublicKey()),
		Joined: func(m *room.Member) {
			st.join()
			st.mu.Lock()
			st.member = m
			st.mu.Unlock()
			go relay(m.Changes(), st)
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

// spell says a wait as people do: "5 minutes", "30 seconds".
func spell(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return fmt.Sprintf("%d seconds", (d+time.Second-1)/time.Second)
}

// refuse turns a session away with a line that fits its terminal.
func (s *roomServer) refuse(sess ssh.Session, text string) {
	pty, _, _ := sess.Pty()
	w, _ := clampSize(pty.Window.Width, pty.Window.Height)
	wish.Fatalln(sess, wrapLine(text, w))
}

// wrapLine wraps a line for a terminal w cells wide (80 when unknown),
// between words, with the terminal's line ends.
func wrapLine(text string, w int) string {
	if w <= 0 {
		w = 80
	}
	return ansi.Wordwrap(text, w, "")
}

// runPrograms runs a session's programs: the join screen (and a member's
// view after it), then, for a connection that came to drive a headless
// room, the facilitator's screen in a program of its own at driverFPS
// (at the members' 30 frames a second a vote could wait 33 ms for the
// projected count to be drawn). Like wish's bubbletea middleware, it
// tells the program of window changes and ends it with the session.
func (s *roomServer) runPrograms(next ssh.Handler) ssh.Handler {
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
func (s *roomServer) handOff(sess ssh.Session, st *sessionState, model tea.Model) *tea.Program {
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
	go p.Send(tui.RoomChanged{}) // what changed during the hand-off
	return p
}

// relay tells a program of each change the room signals, then once more
// when the channel closes so the program sees why. The room never waits
// on this: a stalled session holds up only its own relay, which then
// reads one fresh view when it catches up.
func relay(changes <-chan struct{}, p sender) {
	for range changes {
		p.Send(tui.RoomChanged{})
	}
	p.Send(tui.RoomChanged{})
}

// drive makes a session the driver of a headless room; force takes over
// from another driver, who is told.
func (s *roomServer) drive(st *sessionState, force bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.driver != nil && s.driver != st {
		if !force {
			return false
		}
		go s.driver.Send(tui.DriverReplaced{})
	}
	s.driver = st
	st.hold() // the join program ends and hands off (SessionOptions.HandOff)
	sub := s.room.Drive()
	st.mu.Lock()
	st.sub = sub
	st.mu.Unlock()
	go relay(sub.C(), st)
	return true
}

// afterProgram runs when a session's program has ended: the member leaves
// (their seat and votes stay for a reconnect), a driver gives up the
// seat, and the session's terminal gets its farewell.
func (s *roomServer) afterProgram(next ssh.Handler) ssh.Handler {
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

// needTerminal turns away a session without a terminal (a command, or
// ssh -T) with one line on how to connect. wish's activeterm middleware
// does the same with a fixed message that does not say how.
func (s *roomServer) needTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			host := "HOST"
			if len(s.info.Hosts) > 0 {
				host = s.info.Hosts[0]
			}
			s.refuse(sess, "studyguide: the room needs a terminal: use "+strings.Replace(s.info.CommandFor(host), "ssh ", "ssh -t ", 1))
			return
		}
		next(sess)
	}
}

func (s *roomServer) isFacilitatorKey(pk ssh.PublicKey) bool {
	if pk == nil {
		return false
	}
	for _, k := range s.facKeys {
		if ssh.KeysEqual(pk, k) {
			return true
		}
	}
	return false
}

// checkHostKey refuses a host key file others may read, as OpenSSH does:
// anyone who reads it can pose as this server to every member. A key not
// made yet is fine (wish makes it readable by its owner alone).
func checkHostKey(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("--host-key: %w", err)
	case fi.IsDir():
		return fmt.Errorf("--host-key %s is a directory, not a key", path)
	case runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0:
		return fmt.Errorf("--host-key %s can be read by others (%04o): anyone who reads it can pose as this server; make it yours alone with: chmod 600 %s",
			path, fi.Mode().Perm(), path)
	}
	return nil
}

// readAuthorizedKeys reads the keys of an authorized_keys file.
func readAuthorizedKeys(path string) ([]ssh.PublicKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--facilitator-key: %w", err)
	}
	defer f.Close()
	var keys []ssh.PublicKey
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, fmt.Errorf("--facilitator-key %s:%d: not a public key: %w", path, n, err)
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--facilitator-key: %w", err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("--facilitator-key %s: no keys in it", path)
	}
	return keys, nil
}

// joinHosts are the addresses members can reach a server listening on
// listen at: that host when it is one, else the machine's LAN addresses
// (IPv4 first), else localhost.
func joinHosts(listen string) []string {
	host, _, err := net.SplitHostPort(listen)
	if err == nil && host != "" {
		if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
			return []string{host}
		}
	}
	addrs, _ := net.InterfaceAddrs()
	var v4, v6 []string
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() || ipn.IP.IsMulticast() {
			continue
		}
		if ipn.IP.To4() != nil {
			v4 = append(v4, ipn.IP.String())
		} else if ipn.IP.IsGlobalUnicast() {
			v6 = append(v6, ipn.IP.String())
		}
	}
	if hosts := append(v4, v6...); len(hosts) > 0 {
		return hosts
	}
	return []string{"localhost"}
}
