package sshdoor

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"studyguide/internal/restgc"
	"studyguide/meeting"
	"studyguide/room"
	"studyguide/seeds"
	"studyguide/tui"
)

// testRoom is a room served on a random port of 127.0.0.1 (never any
// other address), stopped when the test ends.
type testRoom struct {
	*Server
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
	pack, err := seeds.Pack()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := room.New(room.Config{Pack: pack, MaxMembers: rc.maxMembers, FacilitatorCode: rc.headless, Now: rc.now})
	if err != nil {
		tb.Fatal(err)
	}
	deck := tui.DeckOf(meeting.NewDeck(pack, 4, 1))
	if err := r.Show(deck.Start(2)); err != nil {
		tb.Fatal(err)
	}
	srv, err := New(pack, r, deck, Config{
		Listen: "127.0.0.1:0", HostKey: filepath.Join(tb.TempDir(), "host_ed25519"), FacilitatorKeys: rc.facKeys,
		ConnRate: rate.Inf, ConnBurst: 1, Log: rc.log, LogNames: rc.logNames,
		SessionWait: rc.sessionWait, JoinWait: rc.joinWait,
	})
	if err != nil {
		tb.Fatal(err)
	}
	go restgc.Run(r.Subscribe().C()) // as serve runs it: the benchmarks measure with it
	done := make(chan error, 1)
	go func() { done <- srv.Serve() }()
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		if err := <-done; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	return &testRoom{Server: srv, addr: srv.ln.Addr().String(), deck: deck}
}

// show moves the room to step i of the chapter's deck, as the
// facilitator's presenter does.
func (tr *testRoom) show(tb testing.TB, chapter, i int) {
	tb.Helper()
	if err := tr.room.Show(tr.deck.Step(tr.deck.Start(chapter).Index + i)); err != nil {
		tb.Fatal(err)
	}
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
