package sshdoor

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"studyguide/internal/sshtest"
	"studyguide/room"
	"studyguide/seeds"
)

// A member joins with the code and a name and sees the room's step with
// the facilitator's counter; the facilitator's view counts them by name.
func TestJoinWithCodeAndName(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	s := c.WaitFor("Room code:", "Your votes are anonymous: the room sees only the counts.")
	if !strings.Contains(s, "Mass Organizations and NGOs") {
		t.Errorf("the join screen does not name the reading:\n%s", s)
	}
	c.Join(tr.room.Code(), "Ada")
	c.WaitFor("Ten warning signs", tr.counter(2, 0))
	fv := tr.room.FacilitatorView()
	if fv.Present != 1 || len(fv.Names) != 1 || fv.Names[0] != "Ada" {
		t.Errorf("the facilitator's view: %d in the room, %q", fv.Present, fv.Names)
	}
}

// Enter alone joins as "member N".
func TestJoinWithoutAName(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	c.Join(tr.room.Code(), "")
	if fv := tr.room.FacilitatorView(); len(fv.Names) != 1 || fv.Names[0] != "member 1" {
		t.Errorf("names: %q", fv.Names)
	}
}

// A wrong code three times closes the connection with a word on why.
func TestWrongCodeThreeTimesCloses(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	wrong := "0000"
	if tr.room.Code() == wrong {
		wrong = "1111"
	}
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	c.WaitFor("Room code:")
	c.Press(wrong, "enter")
	c.WaitFor("2 tries left")
	c.Press(wrong, "enter")
	c.WaitFor("1 try left")
	c.Press(wrong, "enter")
	if out := c.WaitEnd(); !strings.Contains(out, "Wrong three times") {
		t.Errorf("after three wrong codes the terminal says:\n%q", out)
	}
	if fv := tr.room.FacilitatorView(); fv.Present != 0 {
		t.Errorf("%d in the room after wrong codes", fv.Present)
	}
}

// Without a terminal, one line says how to connect, and the session ends
// with a failure status.
func TestNoTerminalSaysUseSSHT(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{NoPty: true, RunCmd: "read"})
	out := c.WaitEnd()
	err := c.Err()
	want := "use ssh -t -p " + strings.TrimPrefix(tr.addr[strings.LastIndex(tr.addr, ":"):], ":") + " 127.0.0.1"
	if !strings.Contains(out, want) || strings.Count(strings.TrimSpace(out), "\n") > 0 {
		t.Errorf("without a pty the session says %q, want one line with %q", out, want)
	}
	if ee, ok := err.(*gossh.ExitError); !ok || ee.ExitStatus() == 0 {
		t.Errorf("the session ended with %v, want a failure status", err)
	}
}

// A member follows the room; Space reads ahead on their own while the room
// moves on; f snaps back to the room's step.
func TestFollowReadAheadAndSnapBack(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	c.Join(tr.room.Code(), "Bo")
	tr.show(t, 2, 2)
	c.WaitFor(tr.counter(2, 2), "following the room")
	c.Press(" ")
	c.WaitFor(tr.counter(2, 3), "on your own · f follows the room")
	tr.show(t, 2, 5) // the room moves on; the member stays where they read
	s := c.WaitFor("(at " + tr.counter(2, 5) + ")")
	if !strings.Contains(s, tr.counter(2, 3)) {
		t.Errorf("a member reading on their own was moved:\n%s", s)
	}
	c.Press("left", "left")
	c.WaitFor(tr.counter(2, 1), "on your own")
	c.Press("f")
	c.WaitFor(tr.counter(2, 5), "following the room")
	tr.show(t, 2, 6)
	c.WaitFor(tr.counter(2, 6))
}

// A member who joins late lands on the room's step, and can vote on an
// item still open.
func TestLateJoinerLandsOnTheRoomsStepAndVotes(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	tr.show(t, 3, 4)
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	c.Join(tr.room.Code(), "Late")
	c.WaitFor(tr.counter(3, 4), "following the room")
	q := tr.quizStep(t, 3)
	tr.show(t, 3, q)
	d := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	d.Join(tr.room.Code(), "Later")
	d.WaitFor(tr.counter(3, q), "vote with 1 or 2")
	d.Press("1")
	d.WaitFor("● your vote")
	if iv, _ := tr.room.Item(tr.deck.Step(tr.deck.Start(3).Index + q).Scenario); iv.Category.Voted != 1 {
		t.Errorf("the late joiner's vote: %+v", iv.Category)
	}
}

// Votes are counted but hidden until the reveal; then each member sees
// what they said beside the room's tally, and whether the essay agrees.
func TestVotesHiddenUntilRevealThenYouSaid(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	q := tr.quizStep(t, 2)
	tr.show(t, 2, q)
	a, b := sshtest.Dial(t, tr.addr, sshtest.DialOpts{}), sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 60, H: 20})
	a.Join(tr.room.Code(), "Ada")
	b.Join(tr.room.Code(), "Bo")
	a.WaitFor("Quiz · scenario 1 of 4", "vote with 1 or 2")
	a.Press("1")
	a.WaitFor("● your vote")
	b.Press("down", "down", "enter") // the arrows reach the second choice, enter votes
	b.WaitFor("● your vote")
	sc := tr.deck.Step(tr.deck.Start(2).Index + q).Scenario
	iv, _ := tr.room.Item(sc)
	if iv.Category.Voted != 2 || iv.Category.Tally != nil {
		t.Fatalf("before the reveal the room holds %+v", iv.Category)
	}
	for _, c := range []*sshtest.Client{a, b} {
		if s := c.Screen(); strings.Contains(s, "the room:") || strings.Contains(s, "█") {
			t.Errorf("a member's screen shows the split before the reveal:\n%s", s)
		}
	}
	tr.room.Reveal(sc)
	sa := a.WaitFor("You said NGO-like · the room: 1 NGO-like, 1 Mass-organization-like")
	sb := b.WaitFor("You said Mass-organization-like")
	answer := "NGO-like"
	if p, _ := seeds.Pack(); p != nil {
		s, _ := p.Quiz.Scenario(sc)
		answer = s.Answer
	}
	if answer == "ngo" && (!strings.Contains(sa, "✓ The essay agrees: NGO-like") || !strings.Contains(sb, "✗ The essay's answer: NGO-like")) {
		t.Errorf("whether the essay agrees:\n%s\n---\n%s", sa, sb)
	}
	// On an NGO-like item the sign vote follows: 2 is now a sign; the
	// category vote is locked.
	a.Press("2")
	a.WaitFor("2 Programmatic deliverables ● your vote")
	if iv, _ := tr.room.Item(sc); iv.Category.Tally[0].Members != 1 || iv.Category.Tally[1].Members != 1 || iv.Sign.Mine != "" {
		t.Errorf("a category vote changed after the reveal: %+v", iv.Category.Tally)
	}
	tr.room.Reveal(sc)
	a.WaitFor("You said Programmatic deliverables · the room: 1 Programmatic deliverables")
	a.Press("3")
	a.WaitFor("the vote is closed")
}

// A member who reconnects with the same key gets their seat and vote
// back, and voting again changes it rather than counting twice.
func TestReconnectWithTheSameKeyKeepsTheVote(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	q := tr.quizStep(t, 2)
	tr.show(t, 2, q)
	sc := tr.deck.Step(tr.deck.Start(2).Index + q).Scenario
	key := sshtest.NewKey(t)
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key})
	c.Join(tr.room.Code(), "Cy")
	c.Press("1")
	c.WaitFor("● your vote")
	c.Close()
	c.WaitEnd()
	waitPresent(t, tr.room, 0)
	c = sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key}) // the key brings them straight back
	s := c.WaitFor("1 NGO-like ● your vote")
	if !strings.Contains(s, "following the room") {
		t.Errorf("the reconnected member:\n%s", s)
	}
	c.Press("2")
	c.WaitFor("2 Mass-organization-like ● your vote")
	iv, _ := tr.room.Item(sc)
	fv := tr.room.FacilitatorView()
	if iv.Category.Voted != 1 || fv.Present != 1 || fv.Names[0] != "Cy" {
		t.Errorf("after a reconnect: %d voted, %d in the room named %q", iv.Category.Voted, fv.Present, fv.Names)
	}
}

func waitPresent(t *testing.T, r *room.Room, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for r.FacilitatorView().Present != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d in the room, want %d", r.FacilitatorView().Present, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// When the meeting ends every member's terminal says goodbye, lists where
// they differed from the essay, and the connection closes cleanly.
func TestEndingTheMeetingSaysGoodbye(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	q := tr.quizStep(t, 2)
	tr.show(t, 2, q)
	sc := tr.deck.Step(tr.deck.Start(2).Index + q).Scenario
	p, _ := seeds.Pack()
	s, _ := p.Quiz.Scenario(sc)
	wrong := "2"
	if s.Answer != "ngo" {
		wrong = "1"
	}
	c := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	c.Join(tr.room.Code(), "Di")
	c.Press(wrong)
	c.WaitFor("● your vote")
	tr.room.Close()
	out := c.WaitEnd()
	for _, want := range []string{"The facilitator ended the meeting", sc + ":", "the essay:"} {
		if !strings.Contains(out, want) {
			t.Errorf("the farewell lacks %q:\n%s", want, out)
		}
	}
	if err := c.Err(); err != nil {
		t.Errorf("the session ended with %v, want a clean exit", err)
	}
}

// Over --max-members a connection is told the room is full.
func TestRoomFull(t *testing.T) {
	tr := startRoom(t, roomConfig{maxMembers: 1})
	a := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	a.Join(tr.room.Code(), "One")
	b := sshtest.Dial(t, tr.addr, sshtest.DialOpts{NoPty: false})
	b.WaitFor("Room code:")
	b.Press(tr.room.Code(), "enter")
	b.WaitFor("The room is full (1 members): only a member coming back to their seat can join.")
	b.Press("Two", "enter")
	if out := b.WaitEnd(); !strings.Contains(out, "The room is full (1 members).") {
		t.Errorf("a connection over the limit is told %q", out)
	}
}

// Connecting and dropping many sessions leaves no goroutines and no memory
// behind: every program, relay and seat's connection is released.
func TestConnectAndDropReleasesEverything(t *testing.T) {
	tr := startRoom(t, roomConfig{})
	var keys []gossh.Signer
	for range 8 {
		keys = append(keys, sshtest.NewKey(t))
	}
	cycle := func(i int) {
		// a client without an emulator (the race detector makes each
		// emulator's 4 MB slow): what it reads is searched as it comes
		c := sshtest.DialBare(t, tr.addr, keys[i%8])
		if i%2 == 0 {
			c.Type(tr.room.Code() + "\r" + "Ev" + "\r")
			c.WaitRaw("following")
		} else {
			c.WaitRaw("Room code")
		}
		c.Close()
	}
	for i := range 10 { // warm up: the pack, the host key, the code paths
		cycle(i)
	}
	before, heap := settle(t, tr)
	const cycles = 200
	done := make(chan struct{})
	for w := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := w; i < cycles; i += 8 {
				cycle(i)
			}
		}()
	}
	for range 8 {
		<-done
	}
	after, heapAfter := settle(t, tr)
	t.Logf("after %d connect/drop cycles: goroutines %d → %d, live heap %d → %d KB", cycles, before, after, heap>>10, heapAfter>>10)
	if after > before+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before %d connect/drop cycles, %d after:\n%s", before, cycles, after, buf[:runtime.Stack(buf, true)])
	}
	if heapAfter > heap+1<<20 { // the test's own records of 200 clients are a few hundred KB
		t.Errorf("live heap: %d KB before, %d KB after %d cycles", heap>>10, heapAfter>>10, cycles)
	}
}

// settle waits for the server to release its sessions and returns the
// goroutines and heap in use.
func settle(t *testing.T, tr *testRoom) (int, uint64) {
	t.Helper()
	waitPresent(t, tr.room, 0)
	var ms runtime.MemStats
	n := runtime.NumGoroutine()
	for i := 0; i < 200; i++ {
		time.Sleep(10 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m == n && i > 10 {
			break
		}
		n = m
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return n, ms.HeapAlloc
}

// A headless room is driven over SSH with the facilitator code: the
// driver sees how many voted, never the split, and reveals with r; a
// second facilitator takes over only after confirming, and the first is
// told; the driver leaving does not end the room.
func TestHeadlessDriverOverSSH(t *testing.T) {
	tr := startRoom(t, roomConfig{headless: true})
	m := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	m.Join(tr.room.Code(), "Ada")
	f := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 100, H: 30})
	f.WaitFor("Room code:")
	f.Press(tr.room.FacilitatorCode(), "enter")
	f.WaitFor("1 in the room · j join", tr.counter(2, 0))
	// the driver's screen is a program of its own (at the projector's
	// frame rate): the terminal's size still reaches it
	f.Resize(60, 20)
	f.WaitUntil("the narrow status line", func(s string) bool {
		return strings.Contains(s, "1 in the room") && !strings.Contains(s, "j join")
	})
	f.Resize(100, 30)
	f.WaitFor("1 in the room · j join")
	q := tr.quizStep(t, 2)
	for range q {
		f.Press("right")
	}
	f.WaitFor(tr.counter(2, q), "0 of 1 voted")
	m.WaitFor(tr.counter(2, q), "vote with 1 or 2")
	m.Press("2")
	s := f.WaitFor("1 of 1 voted")
	if strings.Contains(s, "█") {
		t.Errorf("the driver's screen shows bars before the reveal:\n%s", s)
	}
	f.Press("r")
	m.WaitFor("You said Mass-organization-like · the room: 1 Mass-organization-like")
	f.WaitFor("█")

	g := sshtest.Dial(t, tr.addr, sshtest.DialOpts{})
	g.WaitFor("Room code:")
	g.Press(tr.room.FacilitatorCode(), "enter")
	g.WaitFor("Take over?")
	g.Press("y")
	g.WaitFor("1 in the room")
	if out := f.WaitEnd(); !strings.Contains(out, "Another facilitator took over") {
		t.Errorf("the first driver is told %q", out)
	}
	g.Press("q")
	g.WaitFor("y yes")
	g.Press("y")
	if out := g.WaitEnd(); !strings.Contains(out, "the room goes on") {
		t.Errorf("the driver leaving is told %q", out)
	}
	m.WaitFor("following the room")
	if fv := tr.room.FacilitatorView(); fv.Closed || fv.Present != 1 {
		t.Errorf("after the driver left: %+v", fv)
	}
}

// A key in --facilitator-key drives without a code.
func TestFacilitatorKeyDrivesWithoutACode(t *testing.T) {
	key := sshtest.NewKey(t)
	file := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(file, gossh.MarshalAuthorizedKey(key.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	tr := startRoom(t, roomConfig{headless: true, facKeys: file})
	f := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: key})
	f.WaitFor("0 in the room", "j join · w who")
	other := sshtest.Dial(t, tr.addr, sshtest.DialOpts{Key: sshtest.NewKey(t)})
	other.WaitFor("Room code:")
}

// Keys typed right after the facilitator code, while the driver's screen
// moves to its own program, reach that program: none is lost.
func TestKeysTypedDuringTheHandOffArrive(t *testing.T) {
	tr := startRoom(t, roomConfig{headless: true})
	for range 5 {
		f := sshtest.Dial(t, tr.addr, sshtest.DialOpts{W: 100, H: 30})
		f.WaitFor("Room code:")
		f.Press(tr.room.FacilitatorCode() + "\rw") // w: who is in the room
		f.WaitFor("In the room", "Nobody has joined yet")
		f.Press("enter") // closes it (an esc followed at once by q would read as alt+q)
		f.WaitUntil("the popup closed", func(s string) bool { return !strings.Contains(s, "Nobody has joined yet") })
		f.Press("q")
		f.WaitFor("y yes")
		f.Press("y")
		f.WaitEnd()
	}
}
