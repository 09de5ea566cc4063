package sshdoor

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"studyguide/internal/sshtest"
	"studyguide/room"
)

// Tries at the room as an attacker on the same network would make them,
// each on a server of its own on 127.0.0.1, from other loopback addresses
// (127.x.y.z) where many are needed. Every loop is bounded.

// rawSession is an SSH session whose output is kept as bytes (no
// emulator), for clients that misbehave.
type rawSession struct {
	tb   testing.TB
	conn *gossh.Client
	sess *gossh.Session
	in   io.WriteCloser
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

type rawOpts struct {
	from, user string // loopback address and user name ("" for defaults)
	w, h       int    // the pty's size (0: 80x24)
	term       string // TERM ("": xterm-256color)
	command    string // run instead of a shell ("": a shell)
	env        map[string]string
}

func openRaw(tb testing.TB, addr string, o rawOpts) *rawSession {
	tb.Helper()
	if o.user == "" {
		o.user = "anyone"
	}
	if o.w == 0 {
		o.w, o.h = 80, 24
	}
	if o.term == "" {
		o.term = "xterm-256color"
	}
	conn, err := sshtest.SSHDial(addr, o.from, o.user, nil)
	if err != nil {
		tb.Fatalf("dial from %q: %v", o.from, err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		tb.Fatalf("session: %v", err)
	}
	for k, v := range o.env {
		_ = sess.Setenv(k, v)
	}
	if err := sess.RequestPty(o.term, o.h, o.w, gossh.TerminalModes{}); err != nil {
		tb.Fatalf("pty: %v", err)
	}
	rs := &rawSession{tb: tb, conn: conn, sess: sess, done: make(chan struct{})}
	stdout, _ := sess.StdoutPipe()
	stderr, _ := sess.StderrPipe()
	rs.in, _ = sess.StdinPipe()
	var pumps sync.WaitGroup
	for _, r := range []io.Reader{stdout, stderr} {
		pumps.Add(1)
		go func() {
			defer pumps.Done()
			buf := make([]byte, 32<<10)
			for {
				n, err := r.Read(buf)
				rs.mu.Lock()
				rs.out.Write(buf[:n])
				rs.mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
	}
	if o.command != "" {
		err = sess.Start(o.command)
	} else {
		err = sess.Shell()
	}
	if err != nil {
		tb.Fatalf("shell: %v", err)
	}
	go func() {
		_ = sess.Wait()
		_ = conn.Close()
		pumps.Wait()
		close(rs.done)
	}()
	tb.Cleanup(func() { _ = sess.Close(); _ = conn.Close() })
	return rs
}

func (rs *rawSession) output() string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.out.String()
}

// waitOut waits until the output holds text (a full frame writes its
// words whole), within a bound for a broken test.
func (rs *rawSession) waitOut(text string) {
	rs.tb.Helper()
	for deadline := time.Now().Add(15 * time.Second); !strings.Contains(rs.output(), text); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			rs.tb.Fatalf("never received %q; got %q", text, tail(rs.output(), 400))
		}
	}
}

// waitEnd waits for the server to end the session and returns its output.
func (rs *rawSession) WaitEnd() string {
	rs.tb.Helper()
	select {
	case <-rs.done:
	case <-time.After(15 * time.Second):
		rs.tb.Fatalf("the session did not end; got %q", tail(rs.output(), 400))
	}
	return rs.output()
}

// flood writes n bytes of b after head, in chunks, until done or the
// server stops reading; it returns how many it wrote.
func (rs *rawSession) flood(head string, b byte, n int) int {
	_, _ = io.WriteString(rs.in, head)
	chunk := bytes.Repeat([]byte{b}, 32<<10)
	sent := 0
	for sent < n {
		written := make(chan error, 1)
		go func() { _, err := rs.in.Write(chunk); written <- err }()
		select {
		case err := <-written:
			if err != nil {
				return sent
			}
		case <-rs.done:
			return sent
		case <-time.After(5 * time.Second): // the server stopped reading
			return sent
		}
		sent += len(chunk)
	}
	return sent
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// liveHeapMB is the heap in use after collecting, in MB.
func liveHeapMB() float64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// joinRaw types the code and a name into a raw session and waits for the
// member's screen.
func (rs *rawSession) joinRaw(code, name string) {
	rs.tb.Helper()
	rs.waitOut("Room code")
	_, _ = io.WriteString(rs.in, code+"\r")
	rs.waitOut("Your name")
	_, _ = io.WriteString(rs.in, name+"\r")
	rs.waitOut("following")
}

// A client claiming a 65535x65535 terminal, first and on a resize, is laid
// out as a real terminal's size: the server holds a few MB for it, not the
// gigabytes such a screen would take, and goes on serving.
func TestHugeTerminalSizesAreClamped(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	base := liveHeapMB()
	var huge []*rawSession
	for i := range 4 {
		rs := openRaw(t, tr.addr, rawOpts{from: fmt.Sprintf("127.0.1.%d", i+1), w: 65535, h: 65535})
		rs.waitOut("Room code")
		huge = append(huge, rs)
	}
	_ = huge[0].sess.WindowChange(65535, 65535)
	_ = huge[1].sess.WindowChange(40000, 1)
	time.Sleep(100 * time.Millisecond)
	grew := liveHeapMB() - base
	t.Logf("four sessions at the code claiming 65535x65535 terminals: the server's heap grew %.1f MB", grew)
	if grew > 24 {
		t.Errorf("four sessions at the code claiming 65535x65535 terminals hold %.0f MB", grew)
	}
	if w, h := clampSize(65535, 65535); w != maxCols || h != maxRows {
		t.Errorf("clampSize(65535, 65535) = %d, %d", w, h)
	}
	m := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	m.Join(tr.room.Code(), "Ada")
}

// A paste before joining, or a long one after, or a sequence that never
// ends, closes that session with one line, and the server holds nothing of
// it; a member's normal paste is taken.
func TestFloodsCloseTheSession(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	base := liveHeapMB()
	before := openRaw(t, tr.addr, rawOpts{from: "127.0.1.10"})
	before.waitOut("Room code")
	sent := before.flood("\x1b[200~", 'x', 100<<20)
	if out := before.WaitEnd(); !strings.Contains(out, "too much input before joining the room; the connection is closed.") {
		t.Errorf("a 100 MB paste before joining: %q", tail(out, 300))
	}
	t.Logf("a 100 MB paste before joining: %.1f MB sent before the session closed", float64(sent)/(1<<20))
	if sent > 8<<20 {
		t.Errorf("the server read %d MB of a paste before closing the session", sent>>20)
	}
	typing := openRaw(t, tr.addr, rawOpts{from: "127.0.1.13"})
	typing.waitOut("Room code")
	typing.flood("", '7', 1<<20)
	if out := typing.WaitEnd(); !strings.Contains(out, "too much input before joining the room") {
		t.Errorf("1 MB of keys before joining: %q", tail(out, 300))
	}

	pasted := openRaw(t, tr.addr, rawOpts{from: "127.0.1.11"})
	pasted.joinRaw(tr.room.Code(), "Paster")
	pasted.flood("\x1b[200~", 'y', 1<<20)
	if out := pasted.WaitEnd(); !strings.Contains(out, "a paste longer than 16 KB") {
		t.Errorf("a 1 MB paste from a member: %q", tail(out, 300))
	}

	endless := openRaw(t, tr.addr, rawOpts{from: "127.0.1.12"})
	endless.joinRaw(tr.room.Code(), "Osc")
	endless.flood("\x1b]52;c;", 'z', 1<<20)
	if out := endless.WaitEnd(); !strings.Contains(out, "an escape sequence too long to be a key") {
		t.Errorf("an endless OSC from a member: %q", tail(out, 300))
	}
	grew := liveHeapMB() - base
	t.Logf("after the floods the server's heap is %.1f MB above where it started", grew)
	if grew > 16 {
		t.Errorf("after the floods the server holds %.0f MB more", grew)
	}
	// A short paste is someone's name.
	ok := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	ok.WaitFor("Room code:")
	ok.Press("\x1b[200~"+room.FormatCode(tr.room.Code())+"\x1b[201~", "enter")
	ok.WaitFor("Your name:")
	ok.Press("\x1b[200~Ada\x1b[201~", "enter")
	ok.WaitFor("following")
	if names := tr.room.FacilitatorView().Names; len(names) != 1 || names[0] != "Ada" {
		t.Errorf("in the room: %q, want the one member not closed", names)
	}
}

// controlBytes finds bytes a terminal would act on: anything below space
// but the line end, and DEL.
var controlBytes = regexp.MustCompile("[\x00-\x09\x0b-\x1f\x7f]")

// What a client says about itself (user name, TERM, command) reaches the
// log cleaned, and only with --log (names); escape sequences in it never
// reach the operator's terminal.
func TestClientTextReachesTheLogClean(t *testing.T) {
	evil := "\x1b]52;c;aGk=\x07\x1b[2J\x1b]0;PWNED\x07mallory"
	for _, names := range []bool{false, true} {
		var log sshtest.SyncBuffer
		tr := startRoom(t, roomConfig{log: &log, logNames: names})
		rs := openRaw(t, tr.addr, rawOpts{from: "127.0.1.20", user: evil, term: "\x1b[2J\x1b]0;PWNED\x07",
			command: "\x1b]0;PWNED\x07menu"})
		rs.joinRaw(tr.room.Code(), "\x1b[31mEve\x1b[0m")
		_ = rs.sess.Close()
		<-rs.done
		waitPresent(t, tr.room, 0)
		text := log.String()
		if loc := controlBytes.FindStringIndex(text); loc != nil {
			t.Errorf("names %v: the log holds a control byte at %d: %q", names, loc[0], text)
		}
		if got := strings.Contains(text, "mallory"); got != names {
			t.Errorf("names %v: the log has the user name: %v\n%s", names, got, text)
		}
		if !strings.Contains(text, "127.0.1.20") {
			t.Errorf("names %v: the log lacks the address:\n%s", names, text)
		}
		if strings.Contains(text, "Eve") {
			t.Errorf("names %v: the log names a member:\n%s", names, text)
		}
	}
}

// Connections that log in and open nothing are capped per address and
// closed soon; other addresses are not affected.
func TestIdleConnectionsAreCappedAndClosed(t *testing.T) {
	tr := startRoom(t, roomConfig{maxMembers: 5, sessionWait: 2 * time.Second})
	var held []*gossh.Client
	refused := 0
	for range 200 {
		c, err := sshtest.SSHDial(tr.addr, "127.0.2.1", "idle", nil)
		if err != nil {
			refused++
			continue
		}
		held = append(held, c)
	}
	if len(held) > 5+spareConns {
		t.Errorf("%d idle connections from one address were kept, want at most %d", len(held), 5+spareConns)
	}
	t.Logf("200 idle connections: %d kept, %d refused", len(held), refused)
	m := sshtest.Dial(t, tr.addr, sshtest.DialOpts{}) // another address (127.0.0.1)
	m.Join(tr.room.Code(), "Ada")
	deadline := time.Now().Add(15 * time.Second)
	for tr.conns.open("127.0.2.1") > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d idle connections still open after the wait", tr.conns.open("127.0.2.1"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, c := range held {
		if _, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err == nil {
			t.Error("an idle connection still answers")
			break
		}
	}
}

// A session that never joins is closed after the wait, with one line.
func TestASessionThatNeverJoinsIsClosed(t *testing.T) {
	tr := startRoom(t, roomConfig{joinWait: 300 * time.Millisecond})
	rs := openRaw(t, tr.addr, rawOpts{from: "127.0.1.30"})
	if out := rs.WaitEnd(); !strings.Contains(out, "nobody joined on this connection in 1 seconds") {
		t.Errorf("a session left at the code: %q", tail(out, 300))
	}
}

// seatWordOn reads the seat word off a member's status line.
var seatWordOn = regexp.MustCompile(`seat word ([2-9b-df-hj-np-tv-xz]{4}-[2-9b-df-hj-np-tv-xz]{4})`)

// A name alone never takes a seat, and with it the member's vote: an
// impostor typing a member's default name gets a seat of their own; the
// member's seat word, shown on their screen alone, takes it back.
func TestANameNeverTakesASeat(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	tr.show(t, 2, tr.quizStep(t, 2))
	a := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 100, H: 30})
	a.Join(tr.room.Code(), "") // "member 1"
	a.WaitFor("vote with 1 or 2")
	m := seatWordOn.FindStringSubmatch(a.Screen()) // on the status line until the first key
	if m == nil {
		t.Fatalf("no seat word on the member's screen:\n%s", a.Screen())
	}
	a.Press("2")
	a.WaitFor("● your vote")
	if strings.Contains(a.Screen(), m[1]) {
		t.Errorf("the seat word stays on screen after the member's first key:\n%s", a.Screen())
	}
	imp := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 100, H: 30})
	imp.Join(tr.room.Code(), "member 1")
	imp.WaitFor("vote with 1 or 2")
	if strings.Contains(imp.Screen(), "your vote") || strings.Contains(imp.Screen(), m[1]) {
		t.Fatalf("the impostor sees the member's vote or seat word:\n%s", imp.Screen())
	}
	if names := tr.room.FacilitatorView().Names; strings.Join(names, ",") != "member 1,member 1 2" {
		t.Errorf("who is here: %q", names)
	}
	a.Close()
	waitPresent(t, tr.room, 1)
	back := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 100, H: 30})
	back.Join(tr.room.Code(), strings.ToUpper(m[1]))
	back.WaitFor("● your vote")
}

// A member whose connection dropped comes back to a full room: reclaiming
// a seat never counts against the cap; with their key, straight back.
func TestReturningMemberIntoAFullRoom(t *testing.T) {
	tr := startRoom(t, roomConfig{maxMembers: 1})
	key := sshtest.NewKey(t)
	a := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key})
	a.Join(tr.room.Code(), "Ada")
	a.Close()
	waitPresent(t, tr.room, 0)
	b := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	b.Join(tr.room.Code(), "Bo")
	again := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key}) // straight back, no code
	again.WaitFor("following")
	if fv := tr.room.FacilitatorView(); fv.Present != 2 || strings.Join(fv.Names, ",") != "Ada,Bo" {
		t.Errorf("in the room: %d %q", fv.Present, fv.Names)
	}
}

// Guessing from many addresses spends the room's budget, not more: 1,000
// wrong codes from 250 addresses are counted at most RoomFailures times
// (the rest are refused untried), nobody gets in, and once the budget
// refills the right code works.
func TestGuessingFromManyAddresses(t *testing.T) {
	clk := &testClock{t: time.Now()}
	tr := startRoom(t, roomConfig{now: clk.Now})
	guess(t, tr, 250, 4)
	d := tr.room.FacilitatorView().Door
	t.Logf("1,000 codes sent from 250 addresses: %d counted as wrong codes, %d refused untried (the rest came after their session closed)", d.WrongCodes, d.Refused)
	if d.WrongCodes > room.RoomFailures || !d.Paused {
		t.Errorf("the door after the guessing: %+v", d)
	}
	if n := tr.room.FacilitatorView().Present; n != 0 {
		t.Errorf("%d got in", n)
	}
	late := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	late.WaitFor("Room code:")
	late.Press(tr.room.Code(), "enter")
	late.WaitFor("takes none for a minute")
	clk.Add(room.RoomRefill)
	late.Press(tr.room.Code(), "enter")
	late.WaitFor("Your name:")
}

// testClock is a room's clock a test moves on.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// The attacks together on one server, as one attacker on the network
// would try them: a 65535x65535 terminal, a 100 MB paste, escape sequences
// in the user name, TERM and command, 200 idle connections, 500 members
// joining and leaving, and 1,000 wrong codes from 250 addresses.
// Afterwards the server is alive, a member joins and votes, its memory is
// back near where it started, and nothing but clean text reached the
// facilitator's screen or the log.
func TestAttackLeavesTheRoomStanding(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("the attacks together take a minute under the race detector (each alone runs there); .ci/run runs them without")
	}
	clk := &testClock{t: time.Now()}
	var log sshtest.SyncBuffer
	tr := startRoom(t, roomConfig{headless: true, log: &log, logNames: true, now: clk.Now,
		sessionWait: 2 * time.Second})
	fac := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 100, H: 30})
	fac.WaitFor("Room code:")
	fac.Press(tr.room.FacilitatorCode(), "enter")
	fac.WaitFor("0 in the room")
	warm := openRaw(t, tr.addr, rawOpts{from: "127.0.4.1"})
	warm.joinRaw(tr.room.Code(), "warm")
	_ = warm.sess.Close()
	waitPresent(t, tr.room, 0)
	base := liveHeapMB()
	start := time.Now()

	huge := openRaw(t, tr.addr, rawOpts{from: "127.0.4.2", w: 65535, h: 65535})
	huge.waitOut("Room code")
	paste := openRaw(t, tr.addr, rawOpts{from: "127.0.4.3"})
	paste.waitOut("Room code")
	paste.flood("\x1b[200~", 'x', 100<<20)
	paste.WaitEnd()
	evil := "\x1b]52;c;aGk=\x07\x1b[2J\x1b]0;PWNED\x07"
	named := openRaw(t, tr.addr, rawOpts{from: "127.0.4.4", user: evil + "u", term: evil, command: evil,
		env: map[string]string{"LC_X": evil}})
	named.joinRaw(tr.room.Code(), evil+"Eve")
	var idle []*gossh.Client
	for range 200 {
		if c, err := sshtest.SSHDial(tr.addr, "127.0.4.5", "idle", nil); err == nil {
			idle = append(idle, c)
		}
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 500; i += 8 {
				rs := openRaw(t, tr.addr, rawOpts{from: fmt.Sprintf("127.0.5.%d", 1+i%250)})
				rs.joinRaw(tr.room.Code(), "")
				_ = rs.sess.Close()
				<-rs.done
			}
		}()
	}
	wg.Wait()
	guess(t, tr, 250, 4)
	fac.WaitFor("wrong codes")
	_ = huge.sess.Close()
	_ = named.sess.Close()
	for _, c := range idle {
		_ = c.Close()
	}
	waitPresent(t, tr.room, 0)
	t.Logf("the attacks took %s; %d of 200 idle connections were kept", time.Since(start).Round(time.Millisecond), len(idle))

	clk.Add(room.RoomRefill) // the guessing paused the door for new codes
	m := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	m.Join(tr.room.Code(), "Ada")
	for k := 2; k < 45 && !strings.Contains(fac.Screen(), "voted"); k++ { // on to the first quiz item
		fac.Press("right")
		fac.WaitFor(fmt.Sprintf("ch 2 · %d/", k))
	}
	m.WaitFor("vote with 1 or 2")
	m.Press("2")
	fac.WaitFor("1 of 1 voted")
	grew := liveHeapMB() - base
	t.Logf("after the attacks the server's heap is %.1f MB above where it started", grew)
	if grew > 24 {
		t.Errorf("the server holds %.0f MB more than before the attacks", grew)
	}
	if s := fac.Screen(); strings.Contains(s, "PWNED") || controlBytes.MatchString(strings.ReplaceAll(s, "\n", "")) {
		t.Errorf("the facilitator's screen shows what an attacker sent:\n%s", s)
	}
	if loc := controlBytes.FindStringIndex(log.String()); loc != nil {
		t.Errorf("the log holds a control byte at %d: %q", loc[0], tail(log.String()[:loc[1]], 200))
	}
}

// The lines a session prints as it ends are wrapped to its terminal,
// between words.
func TestGoodbyeLinesFitTheTerminal(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 40, H: 12})
	c.WaitFor("Room code:")
	for range room.MaxAttempts {
		c.Press("9", "enter")
	}
	out := c.WaitEnd()
	if !strings.Contains(sshtest.Flat(out), "Wrong three times. Ask the facilitator") {
		t.Fatalf("the goodbye: %q", out)
	}
	said := ansi.Strip(out) // what the program printed after leaving the full screen, from the goodbye on
	said = said[strings.Index(said, "Wrong"):]
	for _, l := range strings.Split(said, "\n") {
		if w := ansi.StringWidth(strings.TrimRight(l, "\r")); w > 40 {
			t.Errorf("a goodbye line %d cells wide on a 40-column terminal: %q", w, l)
		}
	}
}

// A member with a key comes back to their seat even from an address that
// tried too many wrong codes, or while the room takes no codes: the key is
// their proof, not the code.
func TestKeyComesBackThroughALockout(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	key := sshtest.NewKey(t)
	a := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key})
	a.Join(tr.room.Code(), "Ada")
	a.Close()
	waitPresent(t, tr.room, 0)
	for range room.AddressFailures { // 127.0.0.1 locks itself out
		g, err := tr.room.Gate("127.0.0.1:1")
		if err != nil {
			break
		}
		_, _ = g.Check("1")
	}
	if _, err := tr.room.Gate("127.0.0.1:2"); err == nil {
		t.Fatal("the address is not locked out")
	}
	back := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key})
	back.WaitFor("following")
	if fv := tr.room.FacilitatorView(); fv.Present != 1 || fv.Names[0] != "Ada" {
		t.Errorf("in the room: %d %q", fv.Present, fv.Names)
	}
	stranger := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: sshtest.NewKey(t)})
	if out := stranger.WaitEnd(); !strings.Contains(out, "too many wrong codes from this address") {
		t.Errorf("a new key from the locked address: %q", out)
	}
}

// guess types tries wrong codes from each of n loopback addresses
// (127.0.10.1 on), 16 sessions at a time.
func guess(t *testing.T, tr *testRoom, n, tries int) {
	t.Helper()
	wrong := "11111111"
	if tr.room.Code() == wrong {
		wrong = "22222222"
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			rs := openRaw(t, tr.addr, rawOpts{from: fmt.Sprintf("127.0.%d.%d", 10+i/200, 1+i%200)})
			rs.waitOut("Room code")
			for range tries {
				_, _ = io.WriteString(rs.in, wrong+"\r")
				time.Sleep(time.Millisecond)
			}
			_ = rs.sess.Close()
			<-rs.done
		}()
	}
	wg.Wait()
}
