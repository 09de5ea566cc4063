package sshdoor

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"studyguide/internal/measure"
	"studyguide/internal/sshtest"
)

// Benchmarks of a served room with 100 members connected over SSH on
// 127.0.0.1, each with a pty, in this process: the server and every
// client share the machine's two cores, so the figures are upper bounds.
// Latencies are reported as p50/p99 in ms over every member and every
// iteration; run with -benchtime=5x or so:
//
//	go test -run '^$' -bench Room -benchtime 5x .

const benchMembers = 100

// seatMembers connects n members with emulators, joined and following.
func seatMembers(b *testing.B, tr *testRoom, n int) []*sshtest.Client {
	b.Helper()
	cs := make([]*sshtest.Client, n)
	var wg sync.WaitGroup
	for i := range cs {
		wg.Go(func() {
			c := sshtest.Dial(b, tr.addr, sshtest.DialOpts{})
			c.Join(tr.room.Code(), fmt.Sprintf("m%d", i))
			cs[i] = c
		})
		if i%10 == 9 {
			wg.Wait()
		}
	}
	wg.Wait()
	return cs
}

// awaitAll waits for every client's screen to show text and returns how
// long each took from start.
func awaitAll(b *testing.B, cs []*sshtest.Client, text string, start time.Time, chans []<-chan time.Time) []time.Duration {
	b.Helper()
	out := make([]time.Duration, len(cs))
	for i, ch := range chans {
		select {
		case at := <-ch:
			out[i] = at.Sub(start)
		case <-time.After(30 * time.Second):
			b.Fatalf("member %d never showed %q:\n%s", i, text, cs[i].Screen())
		}
	}
	return out
}

// awaitOne waits for one client's screen to show text: bounded, so a
// benchmark that cannot go on fails with the screen instead of hanging.
func awaitOne(b *testing.B, c *sshtest.Client, text string) {
	b.Helper()
	select {
	case <-c.Expect(text):
	case <-time.After(30 * time.Second):
		b.Fatalf("a member never showed %q:\n%s", text, c.Screen())
	}
}

// A facilitator's step reaching every member's screen.
func BenchmarkRoomStepToEveryMember(b *testing.B) {
	tr := startRoom(b, roomConfig{maxMembers: 200})
	cs := seatMembers(b, tr, benchMembers)
	var all []time.Duration
	cpu0 := measure.CPUTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := 1 + i%10
		want := tr.counter(2, k)
		chans := make([]<-chan time.Time, len(cs))
		for j, c := range cs {
			c.WatchLast(true) // the counter is on the status line
			chans[j] = c.Expect(want)
		}
		start := time.Now()
		tr.show(b, 2, k)
		all = append(all, awaitAll(b, cs, want, start, chans)...)
	}
	b.StopTimer()
	// The CPU a step costs the process (server and the 100 in-process
	// clients with their emulators), which other load on the machine does
	// not inflate as it does the latencies.
	b.ReportMetric(float64(measure.CPUTime()-cpu0)/float64(b.N)/float64(time.Millisecond), "cpu-ms/step")
	measure.Latency(b, "step", all)
}

// A reveal reaching every member's screen with their own vote.
func BenchmarkRoomRevealToEveryMember(b *testing.B) {
	tr := startRoom(b, roomConfig{maxMembers: 200})
	cs := seatMembers(b, tr, benchMembers)
	var all []time.Duration
	var cpu time.Duration
	var items []int
	for i := range tr.deck.Len() {
		if tr.deck.Step(i).Scenario != "" {
			items = append(items, i)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		step := tr.deck.Step(items[i%len(items)])
		if err := tr.room.Show(step); err != nil {
			b.Fatal(err)
		}
		for j, c := range cs {
			awaitOne(b, c, "vote with 1 or 2")
			c.Press(fmt.Sprint(1 + j%2))
		}
		for _, c := range cs {
			awaitOne(b, c, "● your vote")
		}
		chans := make([]<-chan time.Time, len(cs))
		for j, c := range cs {
			chans[j] = c.Expect("You said")
		}
		b.StartTimer()
		start, cpu0 := time.Now(), measure.CPUTime()
		if !tr.room.Reveal(step.Scenario) {
			b.Fatalf("item %s was already revealed: raise the deck or lower -benchtime", step.Scenario)
		}
		all = append(all, awaitAll(b, cs, "You said", start, chans)...)
		cpu += measure.CPUTime() - cpu0
	}
	b.StopTimer()
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(time.Millisecond), "cpu-ms/reveal")
	measure.Latency(b, "reveal", all)
}

// 100 members voting at once, each vote counted on the facilitator's
// screen (a driver over SSH): for the k-th vote sent, the time until the
// facilitator's screen shows at least k voted. Members are either full
// clients with an emulator drawing their screen in this process (which
// then shares the two cores with the server), or raw SSH sessions that
// only read what the server sends: the server's own cost.
func BenchmarkRoomVotesOnFacilitatorScreen(b *testing.B) {
	b.Run("members=emulated", func(b *testing.B) { benchVotes(b, false) })
	b.Run("members=raw", func(b *testing.B) { benchVotes(b, true) })
}

func benchVotes(b *testing.B, raw bool) {
	tr := startRoom(b, roomConfig{maxMembers: 200, headless: true})
	var cs []*sshtest.Client
	var ms []*sshtest.RawMember
	if raw {
		ms = seatRaw(b, tr, 0, benchMembers)
	} else {
		cs = seatMembers(b, tr, benchMembers)
	}
	press := func(j int, key string) {
		if raw {
			_, _ = io.WriteString(ms[j].In, key)
		} else {
			cs[j].Press(key)
		}
	}
	f := sshtest.Dial(b, tr.addr, sshtest.DialOpts{W: 100, H: 40})
	f.WaitFor("Room code:")
	f.Press(tr.room.FacilitatorCode(), "enter")
	f.WaitFor(fmt.Sprintf("%d in the room", benchMembers))
	var all []time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		var drawn []<-chan time.Time
		for first := true; first || !isQuizStep(tr); first = false { // on to the next quiz item
			drawn = drawn[:0]
			for _, m := range ms {
				drawn = append(drawn, m.Expect())
			}
			at := tr.room.FacilitatorView().Step.Index
			moveOn(b, f, tr, at)
		}
		f.WaitFor(fmt.Sprintf("0 of %d voted", benchMembers))
		for _, c := range cs {
			awaitOne(b, c, "vote with 1 or 2")
		}
		for j, ch := range drawn { // a raw member's new frame has begun to arrive
			select {
			case <-ch:
			case <-time.After(30 * time.Second):
				b.Fatalf("member %d was sent nothing for the quiz item", j)
			}
		}
		// People read the scenario before they vote: the votes come once
		// the room has been at rest for a second (every member's frame of
		// the item drawn and sent, the server's collection at rest done).
		measure.AtRest(b, time.Second)
		all = append(all, sshtest.VoteBurst(b, f, benchMembers, func(j int) { press(j, fmt.Sprint(1+j%2)) })...)
		for tr.room.Reveal(tr.room.FacilitatorView().Step.Scenario) { // on to the next item
		}
		b.StartTimer()
	}
	b.StopTimer()
	measure.Latency(b, "vote", all)
}

// moveOn presses → on the facilitator's screen until the room is past
// step at: a quiz item's stages (the explanation after the reveals) are
// steps of the presenter, not of the room.
func moveOn(b *testing.B, f *sshtest.Client, tr *testRoom, at int) {
	b.Helper()
	for range 10 {
		f.Press("right")
		for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if tr.room.FacilitatorView().Step.Index != at {
				return
			}
		}
	}
	b.Fatalf("ten presses of → did not move the room:\n%s", f.Screen())
}

func isQuizStep(tr *testRoom) bool { return tr.room.FacilitatorView().Step.Scenario != "" }

// Connecting to a room with 100 members in it, until the join screen's
// first frame.
func BenchmarkRoomConnectToFirstFrame(b *testing.B) {
	tr := startRoom(b, roomConfig{maxMembers: 200})
	seatMembers(b, tr, benchMembers)
	var all []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		c := sshtest.Dial(b, tr.addr, sshtest.DialOpts{})
		awaitOne(b, c, "Room code:")
		all = append(all, time.Since(start))
		b.StopTimer()
		c.Close()
		c.Release()
		b.StartTimer()
	}
	b.StopTimer()
	measure.Latency(b, "first-frame", all)
}

// keyboardInteractive answers the server's keyboard-interactive question
// with nothing, as a client without a key does.
var keyboardInteractive = []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}

func seatRaw(b *testing.B, tr *testRoom, from, n int) []*sshtest.RawMember {
	b.Helper()
	var out []*sshtest.RawMember
	for i := range n {
		out = append(out, sshtest.JoinRaw(b, tr.addr, tr.room.Code(), fmt.Sprintf("r%d", from+i), keyboardInteractive))
	}
	deadline := time.Now().Add(60 * time.Second)
	for tr.room.FacilitatorView().Present < from+n {
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d joined", tr.room.FacilitatorView().Present, from+n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // first frames drawn
	return out
}

// Memory per connected member (the server's and its in-process client's
// together: an upper bound on the server's), and the CPU the whole process
// uses while 100 members sit idle.
func BenchmarkRoomIdleMembers(b *testing.B) {
	tr := startRoom(b, roomConfig{maxMembers: 200})
	before := measure.LiveHeap()
	ms := seatRaw(b, tr, 0, benchMembers)
	after := measure.LiveHeap()
	b.ReportMetric(float64(after-before)/benchMembers/1024, "KB/member")
	time.Sleep(time.Second) // the joins' last frames and the collections above settle
	for i := 0; i < b.N; i++ {
		cpu0, t0 := measure.CPUTime(), time.Now()
		time.Sleep(2 * time.Second)
		b.ReportMetric(100*float64(measure.CPUTime()-cpu0)/float64(time.Since(t0)), "idle-%core")
	}
	runtime.KeepAlive(ms)
}

// How far a room scales on this machine: members are added a hundred at a
// time until a step takes over a second to reach them all (the first
// bytes of each member's new frame), or 1000 members.
func BenchmarkRoomScale(b *testing.B) {
	for i := 0; i < b.N; i++ {
		tr := startRoom(b, roomConfig{maxMembers: 2000})
		var ms []*sshtest.RawMember
		worst := time.Duration(0)
		k := 0
		for len(ms) < 1000 && worst < time.Second {
			ms = append(ms, seatRaw(b, tr, len(ms), 100)...)
			k++
			chans := make([]<-chan time.Time, len(ms))
			for j, m := range ms {
				chans[j] = m.Expect()
			}
			start := time.Now()
			tr.show(b, 2, k%10+1)
			worst = 0
			for _, ch := range chans {
				select {
				case at := <-ch:
					worst = max(worst, at.Sub(start))
				case <-time.After(30 * time.Second):
					worst = 30 * time.Second
				}
			}
			b.Logf("%d members: a step reached the last in %v", len(ms), worst.Round(time.Millisecond))
		}
		b.ReportMetric(float64(len(ms)), "members")
		b.ReportMetric(float64(worst)/float64(time.Millisecond), "last-step-ms")
	}
}
