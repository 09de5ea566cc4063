package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"studyguide/room"
	"studyguide/tui"
)

// testRoom is a room served on a random port of 127.0.0.1 (never any
// other address), stopped when the test ends.
type testRoom struct {
	*roomServer
	addr string
	deck *tui.Deck
}

type roomConfig struct {
	maxMembers int
	headless   bool
	facKeys    string // an authorized_keys file
	// log receives the server's log (nil: none); logNames logs what
	// clients say about themselves, as --log does.
	log      io.Writer
	logNames bool
	// sessionWait and joinWait shorten the server's waits (0: its own).
	sessionWait, joinWait time.Duration
	// now is the room's clock (nil: time.Now).
	now func() time.Time
}

func startRoom(tb testing.TB, rc roomConfig) *testRoom {
	tb.Helper()
	pack, err := loadPack()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := room.New(room.Config{Pack: pack, MaxMembers: rc.maxMembers, FacilitatorCode: rc.headless, Now: rc.now})
	if err != nil {
		tb.Fatal(err)
	}
	deck := tui.NewDeck(pack, 4, 1)
	if err := r.Show(deck.Start(2)); err != nil {
		tb.Fatal(err)
	}
	srv, err := newRoomServer(pack, r, deck, serverConfig{
		Listen: "127.0.0.1:0", HostKey: filepath.Join(tb.TempDir(), "host_ed25519"), FacilitatorKeys: rc.facKeys,
		ConnRate: rate.Inf, ConnBurst: 1, Log: rc.log, LogNames: rc.logNames,
		SessionWait: rc.sessionWait, JoinWait: rc.joinWait,
	})
	if err != nil {
		tb.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.serve() }()
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.shutdown(ctx)
		if err := <-done; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	return &testRoom{roomServer: srv, addr: srv.ln.Addr().String(), deck: deck}
}

// show moves the room to step i of the chapter's deck, as the
// facilitator's presenter does.
func (tr *testRoom) show(tb testing.TB, chapter, i int) {
	tb.Helper()
	if err := tr.room.Show(tr.deck.Step(tr.deck.Start(chapter).Index + i)); err != nil {
		tb.Fatal(err)
	}
}

// client is an ssh client with a pty whose screen is read through a
// terminal emulator.
type client struct {
	tb    testing.TB
	conn  *gossh.Client
	sess  *gossh.Session
	stdin io.WriteCloser
	mu    sync.Mutex
	term  *vt.Emulator
	ended chan struct{} // closed when the session has ended and its output is read
	err   error         // how it ended
	pumps sync.WaitGroup
	// want is a text the screen is awaited to show; got receives the time
	// it first does (benchmarks).
	want string
	got  chan time.Time
	// wantLast looks for want on the bottom line only (the status line,
	// with the step counter): cheaper than reading the whole screen, so
	// the benchmarks' clients take less of the CPU they share with the
	// server.
	wantLast bool
	// onScreen, when set, sees the screen after each write (benchmarks).
	onScreen func(string)
	closing  sync.Once
	output   strings.Builder // what arrived after the screen was left (the farewell)
}

type dialOpts struct {
	key    gossh.Signer // nil: no key (keyboard-interactive)
	w, h   int
	noPty  bool
	runCmd string
}

func newKey(tb testing.TB) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func dial(tb testing.TB, addr string, o dialOpts) *client {
	tb.Helper()
	if o.w == 0 {
		o.w, o.h = 80, 24
	}
	auth := []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	if o.key != nil {
		auth = []gossh.AuthMethod{gossh.PublicKeys(o.key)}
	}
	conn, sess := openSession(tb, addr, auth)
	c := &client{tb: tb, conn: conn, sess: sess, term: vt.NewEmulator(o.w, o.h), ended: make(chan struct{})}
	if !o.noPty {
		if err := sess.RequestPty("xterm-256color", o.h, o.w, gossh.TerminalModes{}); err != nil {
			tb.Fatalf("pty: %v", err)
		}
	}
	out, _ := sess.StdoutPipe()
	errOut, _ := sess.StderrPipe()
	c.stdin, _ = sess.StdinPipe()
	c.pumps.Add(2)
	go c.pump(out)
	go c.pump(errOut)
	go answer(c.term, c.stdin)
	var err error
	if o.runCmd != "" {
		err = sess.Start(o.runCmd)
	} else {
		err = sess.Shell()
	}
	if err != nil {
		tb.Fatalf("shell: %v", err)
	}
	go func() {
		err := sess.Wait()
		_ = conn.Close() // as OpenSSH does when its one session ends
		c.pumps.Wait()
		c.err = err
		close(c.ended)
	}()
	tb.Cleanup(c.close)
	return c
}

// pump feeds the session's output to the emulator.
func (c *client) pump(r io.Reader) {
	defer c.pumps.Done()
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			c.mu.Lock()
			_, _ = c.term.Write(buf[:n])
			if !c.term.IsAltScreen() {
				c.output.Write(buf[:n])
			}
			if c.onScreen != nil {
				c.onScreen(c.term.String())
			}
			if c.want != "" && strings.Contains(c.probe(), c.want) {
				c.want = ""
				c.got <- time.Now()
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answer sends an emulator's replies to terminal queries (its background
// colour, say) back to the server, as a real terminal does.
func answer(term *vt.Emulator, stdin io.Writer) {
	buf := make([]byte, 1024)
	for {
		n, err := term.Read(buf)
		if err != nil {
			return
		}
		_, _ = stdin.Write(buf[:n])
	}
}

func (c *client) close() {
	c.closing.Do(func() {
		_ = c.sess.Close()
		_ = c.conn.Close()
		if pw, ok := c.term.InputPipe().(*io.PipeWriter); ok {
			_ = pw.Close()
		}
	})
}

// screen is the terminal's screen as plain text.
func (c *client) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.term == nil {
		return ""
	}
	return c.term.String()
}

// release lets go of the emulator of a session that has ended (each holds
// a 4 MB parser buffer), so a test of the server's memory measures the
// server's.
func (c *client) release() {
	<-c.ended
	c.close()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.term, c.conn, c.sess, c.stdin = nil, nil, nil, nil
	c.output = strings.Builder{}
}

// after is what the session printed outside the full screen.
func (c *client) after() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.output.String()
}

// waitFor waits until the screen shows every text, and fails with the
// screen when it does not within a deadline (a bound for a broken test,
// not a speed target).
func (c *client) waitFor(texts ...string) string {
	c.tb.Helper()
	return c.waitUntil(fmt.Sprintf("%q", texts), func(s string) bool {
		f := flat(s)
		for _, t := range texts {
			if !strings.Contains(s, t) && !strings.Contains(f, t) {
				return false
			}
		}
		return true
	})
}

// waitUntil waits until ok says yes to the screen, within the same bound.
func (c *client) waitUntil(what string, ok func(screen string) bool) string {
	c.tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := c.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			c.tb.Fatalf("the screen never showed %s:\n%s", what, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// resize changes the size of the client's terminal, as a window does.
func (c *client) resize(w, h int) {
	c.tb.Helper()
	c.mu.Lock()
	c.term.Resize(w, h)
	c.mu.Unlock()
	if err := c.sess.WindowChange(h, w); err != nil {
		c.tb.Fatalf("resize: %v", err)
	}
}

// waitEnd waits for the session to end and returns what it printed after
// leaving the full screen.
func (c *client) waitEnd() string {
	c.tb.Helper()
	select {
	case <-c.ended:
	case <-time.After(15 * time.Second):
		c.tb.Fatalf("the session did not end; the screen:\n%s", c.screen())
	}
	return c.after()
}

func (c *client) press(keys ...string) {
	c.tb.Helper()
	for _, k := range keys {
		switch k {
		case "enter":
			k = "\r"
		case "right":
			k = "\x1b[C"
		case "left":
			k = "\x1b[D"
		case "down":
			k = "\x1b[B"
		case "esc":
			k = "\x1b"
		}
		if _, err := io.WriteString(c.stdin, k); err != nil {
			c.tb.Fatalf("typing %q: %v", k, err)
		}
	}
}

// join types the code and a name, and waits for the room's screen.
func (c *client) join(code, name string) {
	c.tb.Helper()
	c.waitFor("Room code:")
	c.press(code, "enter")
	c.waitFor("Your name:")
	c.press(name, "enter")
	c.waitFor("following") // "following the room" on a screen wide enough
}

// counter is the room's step counter for step i of a chapter, as the
// status line shows it.
func (tr *testRoom) counter(chapter, i int) string {
	s := tr.deck.Start(chapter)
	n := 0
	for j := s.Index; j < tr.deck.Len() && tr.deck.Step(j).Chapter == chapter; j++ {
		n++
	}
	return fmt.Sprintf("ch %d · %d/%d", chapter, i+1, n)
}

// quizStep is the offset in a chapter of its first quiz step.
func (tr *testRoom) quizStep(tb testing.TB, chapter int) int {
	tb.Helper()
	s := tr.deck.Start(chapter).Index
	for j := s; j < tr.deck.Len() && tr.deck.Step(j).Chapter == chapter; j++ {
		if tr.deck.Step(j).Scenario != "" {
			return j - s
		}
	}
	tb.Fatalf("chapter %d has no quiz step", chapter)
	return 0
}

// flat is a screen's text with its lines rejoined, so a sentence wrapped
// over two lines (or a word broken after its hyphen) is found whole.
func flat(screen string) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		l = strings.TrimSpace(l)
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteString(" ")
		}
		b.WriteString(l)
	}
	return b.String()
}

// expect starts waiting for the screen to show text; the channel receives
// the time it does (at once when it already does).
func (c *client) expect(text string) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = make(chan time.Time, 1)
	if strings.Contains(c.term.String(), text) {
		c.got <- time.Now()
		return c.got
	}
	c.want = text
	return c.got
}

// probe is the text an expectation is looked for in: the whole screen,
// or its bottom line; c.mu is held.
func (c *client) probe() string {
	if !c.wantLast {
		return c.term.String()
	}
	var b strings.Builder
	y := c.term.Height() - 1
	for x := 0; x < c.term.Width(); x++ {
		if cell := c.term.CellAt(x, y); cell != nil {
			b.WriteString(cell.Content)
		}
	}
	return b.String()
}

// bareClient is an ssh client with a pty and no emulator: it looks for
// text in the bytes as they arrive (a full frame writes its words whole).
type bareClient struct {
	tb    testing.TB
	conn  *gossh.Client
	sess  *gossh.Session
	stdin io.Writer
	mu    sync.Mutex
	seen  []byte
	done  chan struct{}
}

func dialBare(tb testing.TB, addr string, key gossh.Signer) *bareClient {
	tb.Helper()
	conn, sess := openSession(tb, addr, []gossh.AuthMethod{gossh.PublicKeys(key)})
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		tb.Fatalf("pty: %v", err)
	}
	out, _ := sess.StdoutPipe()
	in, _ := sess.StdinPipe()
	c := &bareClient{tb: tb, conn: conn, sess: sess, stdin: in, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		buf := make([]byte, 32*1024)
		for {
			n, err := out.Read(buf)
			c.mu.Lock()
			c.seen = append(c.seen, buf[:n]...)
			c.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		tb.Fatalf("shell: %v", err)
	}
	return c
}

func (c *bareClient) type_(s string) { _, _ = io.WriteString(c.stdin, s) }

func (c *bareClient) waitRaw(text string) {
	c.tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		c.mu.Lock()
		ok := strings.Contains(string(c.seen), text)
		c.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			c.tb.Fatalf("never received %q", text)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// close hangs up and waits for the output to end.
func (c *bareClient) close() {
	_ = c.sess.Close()
	_ = c.conn.Close()
	<-c.done
}

// openSession connects to the test server on addr (127.0.0.1) and opens a
// session, failing the test when either cannot be done.
func openSession(tb testing.TB, addr string, auth []gossh.AuthMethod) (*gossh.Client, *gossh.Session) {
	tb.Helper()
	conn, err := sshDial(addr, "", "anyone", auth)
	if err != nil {
		tb.Fatalf("dial: %v", err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		tb.Fatalf("session: %v", err)
	}
	return conn, sess
}

// sshDial connects to the test server on addr from a loopback address of
// the test's choosing (from: "127.0.3.9"; "" lets the system choose), as a
// user, with auth (nil: keyboard-interactive with no answers).
func sshDial(addr, from, user string, auth []gossh.AuthMethod) (*gossh.Client, error) {
	if auth == nil {
		auth = []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	}
	d := net.Dialer{Timeout: 10 * time.Second}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	nc, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	_ = nc.SetDeadline(time.Now().Add(10 * time.Second)) // the handshake's
	cc, chans, reqs, err := gossh.NewClientConn(nc, addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey()}) //nolint:gosec // a test server of our own
	if err != nil {
		_ = nc.Close()
		return nil, err
	}
	_ = nc.SetDeadline(time.Time{})
	return gossh.NewClient(cc, chans, reqs), nil
}
