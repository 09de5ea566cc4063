// Package sshtest is the tests' SSH client for a served room: a member's
// terminal read through an emulator, or raw bytes, dialled from a loopback
// address of the test's choosing. Test code only: the SSH door's tests and
// the serve command's use it.
package sshtest

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// Client is an ssh Client with a pty whose screen is read through a
// terminal emulator.
type Client struct {
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

type DialOpts struct {
	Key    gossh.Signer // nil: no key (keyboard-interactive)
	W, H   int          // the pty's size; 0: 80x24
	NoPty  bool
	RunCmd string // run instead of a shell
}

func NewKey(tb testing.TB) gossh.Signer {
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

func Dial(tb testing.TB, addr string, o DialOpts) *Client {
	tb.Helper()
	if o.W == 0 {
		o.W, o.H = 80, 24
	}
	auth := []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	if o.Key != nil {
		auth = []gossh.AuthMethod{gossh.PublicKeys(o.Key)}
	}
	conn, sess := OpenSession(tb, addr, auth)
	c := &Client{tb: tb, conn: conn, sess: sess, term: vt.NewEmulator(o.W, o.H), ended: make(chan struct{})}
	if !o.NoPty {
		if err := sess.RequestPty("xterm-256color", o.H, o.W, gossh.TerminalModes{}); err != nil {
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
	if o.RunCmd != "" {
		err = sess.Start(o.RunCmd)
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
	tb.Cleanup(c.Close)
	return c
}

// pump feeds the session's output to the emulator.
func (c *Client) pump(r io.Reader) {
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

func (c *Client) Close() {
	c.closing.Do(func() {
		_ = c.sess.Close()
		_ = c.conn.Close()
		if pw, ok := c.term.InputPipe().(*io.PipeWriter); ok {
			_ = pw.Close()
		}
	})
}

// screen is the terminal's screen as plain text.
func (c *Client) Screen() string {
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
func (c *Client) Release() {
	<-c.ended
	c.Close()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.term, c.conn, c.sess, c.stdin = nil, nil, nil, nil
	c.output = strings.Builder{}
}

// after is what the session printed outside the full screen.
func (c *Client) After() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.output.String()
}

// waitFor waits until the screen shows every text, and fails with the
// screen when it does not within a deadline (a bound for a broken test,
// not a speed target).
func (c *Client) WaitFor(texts ...string) string {
	c.tb.Helper()
	return c.WaitUntil(fmt.Sprintf("%q", texts), func(s string) bool {
		f := Flat(s)
		for _, t := range texts {
			if !strings.Contains(s, t) && !strings.Contains(f, t) {
				return false
			}
		}
		return true
	})
}

// waitUntil waits until ok says yes to the screen, within the same bound.
func (c *Client) WaitUntil(what string, ok func(screen string) bool) string {
	c.tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := c.Screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			c.tb.Fatalf("the screen never showed %s:\n%s", what, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// resize changes the size of the Client's terminal, as a window does.
func (c *Client) Resize(w, h int) {
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
func (c *Client) WaitEnd() string {
	c.tb.Helper()
	select {
	case <-c.ended:
	case <-time.After(15 * time.Second):
		c.tb.Fatalf("the session did not end; the screen:\n%s", c.Screen())
	}
	return c.After()
}

func (c *Client) Press(keys ...string) {
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
func (c *Client) Join(code, name string) {
	c.tb.Helper()
	c.WaitFor("Room code:")
	c.Press(code, "enter")
	c.WaitFor("Your name:")
	c.Press(name, "enter")
	c.WaitFor("following") // "following the room" on a screen wide enough
}

// flat is a screen's text with its lines rejoined, so a sentence wrapped
// over two lines (or a word broken after its hyphen) is found whole.
func Flat(screen string) string {
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
func (c *Client) Expect(text string) <-chan time.Time {
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
func (c *Client) probe() string {
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

// BareClient is an ssh Client with a pty and no emulator: it looks for
// text in the bytes as they arrive (a full frame writes its words whole).
type BareClient struct {
	tb    testing.TB
	conn  *gossh.Client
	sess  *gossh.Session
	stdin io.Writer
	mu    sync.Mutex
	seen  []byte
	done  chan struct{}
}

func DialBare(tb testing.TB, addr string, key gossh.Signer) *BareClient {
	tb.Helper()
	conn, sess := OpenSession(tb, addr, []gossh.AuthMethod{gossh.PublicKeys(key)})
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		tb.Fatalf("pty: %v", err)
	}
	out, _ := sess.StdoutPipe()
	in, _ := sess.StdinPipe()
	c := &BareClient{tb: tb, conn: conn, sess: sess, stdin: in, done: make(chan struct{})}
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

func (c *BareClient) Type(s string) { _, _ = io.WriteString(c.stdin, s) }

func (c *BareClient) WaitRaw(text string) {
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
func (c *BareClient) Close() {
	_ = c.sess.Close()
	_ = c.conn.Close()
	<-c.done
}

// openSession connects to the test server on addr (127.0.0.1) and opens a
// session, failing the test when either cannot be done.
func OpenSession(tb testing.TB, addr string, auth []gossh.AuthMethod) (*gossh.Client, *gossh.Session) {
	tb.Helper()
	conn, err := SSHDial(addr, "", "anyone", auth)
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
func SSHDial(addr, from, user string, auth []gossh.AuthMethod) (*gossh.Client, error) {
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

// WatchLast makes Expect look for its text on the bottom line only (the
// status line): cheaper than the whole screen, for benchmarks.
func (c *Client) WatchLast(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wantLast = on
}

// OnScreen has see called with the screen after each write (nil: none).
func (c *Client) OnScreen(see func(string)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.onScreen = see
}

// Err is how the session ended, once WaitEnd has returned.
func (c *Client) Err() error { return c.err }

// SyncBuffer is a buffer one goroutine writes and a test reads.
type SyncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// votedRE is the facilitator's count of votes: "3 of 5 voted".
var votedRE = regexp.MustCompile(`(\d+) of \d+ voted`)

// MarkVoted marks, on the facilitator's screen as it is drawn, the time
// each count of votes first shows: seen[k] receives it for k votes. It
// returns the highest count shown so far (pass it back next time).
func MarkVoted(screen string, seen []chan time.Time, shown int) int {
	if m := votedRE.FindStringSubmatch(screen); m != nil {
		n, _ := strconv.Atoi(m[1])
		now := time.Now()
		for k := shown + 1; k <= n && k < len(seen); k++ {
			seen[k] <- now
		}
		shown = max(shown, n)
	}
	return shown
}

// VoteBurst has n members vote at once (vote(j) is member j's vote, each
// in a goroutine of its own, the benchmark's timer running) and returns,
// for each count of votes, how long after the vote that made it the
// facilitator's screen f first showed it.
func VoteBurst(b *testing.B, f *Client, n int, vote func(j int)) []time.Duration {
	b.Helper()
	seen := make([]chan time.Time, n+1)
	for k := 1; k <= n; k++ {
		seen[k] = make(chan time.Time, 1)
	}
	shown := 0
	f.OnScreen(func(screen string) { shown = MarkVoted(screen, seen, shown) })
	defer f.OnScreen(nil)
	sent := make([]time.Time, n)
	var order atomic.Int32
	b.StartTimer()
	defer b.StopTimer()
	var wg sync.WaitGroup
	for j := range n {
		wg.Go(func() {
			at := time.Now()
			vote(j)
			sent[order.Add(1)-1] = at
		})
	}
	wg.Wait()
	out := make([]time.Duration, 0, n)
	for k := 1; k <= n; k++ {
		select {
		case at := <-seen[k]:
			out = append(out, max(0, at.Sub(sent[k-1])))
		case <-time.After(30 * time.Second):
			b.Fatalf("the facilitator never saw %d votes:\n%s", k, f.Screen())
		}
	}
	return out
}

// RawMember is a member's connection without an emulator, for measuring
// scale: it types the code and a name, then only reads what the server
// sends, marking when a frame begins to arrive (Expect).
type RawMember struct {
	In      io.Writer
	mu      sync.Mutex
	waiting bool
	got     chan time.Time
}

// JoinRaw joins the room at addr as a raw member (auth nil: none).
func JoinRaw(tb testing.TB, addr, code, name string, auth []gossh.AuthMethod) *RawMember {
	tb.Helper()
	conn, sess := OpenSession(tb, addr, auth)
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		tb.Fatal(err)
	}
	out, _ := sess.StdoutPipe()
	in, _ := sess.StdinPipe()
	m := &RawMember{In: in, got: make(chan time.Time, 1)}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			m.mu.Lock()
			if m.waiting && n > 0 {
				m.waiting = false
				m.got <- time.Now()
			}
			m.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		tb.Fatal(err)
	}
	_, _ = io.WriteString(in, code+"\r"+name+"\r")
	tb.Cleanup(func() { _ = sess.Close(); _ = conn.Close() })
	return m
}

// Expect is when the first bytes the server sends from now arrive.
func (m *RawMember) Expect() <-chan time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.got = make(chan time.Time, 1)
	m.waiting = true
	return m.got
}
