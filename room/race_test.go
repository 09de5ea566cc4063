package room_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"studyguide/room"
)

// session reads a member's view on every change until the connection
// ends, as a served session does.
func session(m *room.Member, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range m.Changes() {
			_ = m.View()
		}
	}()
}

// A hundred members vote at once: every vote is counted once, and each
// member's own vote is what the tally adds up.
func TestHundredMembersVoteAtOnce(t *testing.T) {
	const n = 100
	r, _ := newRoom(t, room.Config{MaxMembers: n})
	show(t, r, stepDues)
	fac := r.Subscribe()
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		for range fac.C() {
			_ = r.FacilitatorView()
		}
	}()
	members := make([]*room.Member, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := r.Join(fmt.Sprint("key", i), fmt.Sprint("m", i))
			if err != nil {
				t.Error(err)
				return
			}
			members[i] = m
			session(m, &readers)
			// Change one's mind a few times; the last vote counts.
			for j := range 5 {
				if err := m.Vote("dues", [2]string{"ngo", "mass"}[(i+j)%2]); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	c := r.FacilitatorView().Item.Category
	if c.Voted != n || c.Of != n {
		t.Fatalf("%d of %d voted, want %d of %d", c.Voted, c.Of, n, n)
	}
	r.Reveal("dues")
	// Member i's last vote was (i+4)%2: ngo for even i.
	if got := counts(r.FacilitatorView().Item.Category.Tally); got["ngo"] != [2]int{n / 2, 0} || got["mass"] != [2]int{n / 2, 0} {
		t.Errorf("tally %v, want %d each", got, n/2)
	}
	for i, m := range members {
		if want := [2]string{"ngo", "mass"}[i%2]; m.View().Item.Category.Mine != want {
			t.Errorf("member %d's vote is %q, want %q", i, m.View().Item.Category.Mine, want)
		}
	}
	r.Close()
	readers.Wait() // every session's loop ends when the room closes
}

// The same key joining from many connections at once leaves one in the
// room, on one seat.
func TestManyTakeoversAtOnce(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	show(t, r, stepDues)
	ms := make([]*room.Member, 20)
	var wg sync.WaitGroup
	for i := range ms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ms[i], _ = r.Join("same key", "")
		}()
	}
	wg.Wait()
	staying := 0
	for _, m := range ms {
		if m.View().Seat != 1 {
			t.Errorf("seat %d, want 1", m.View().Seat)
		}
		if m.View().Exit == room.Staying {
			staying++
		}
	}
	if staying != 1 || r.FacilitatorView().Present != 1 {
		t.Errorf("%d connections stay, %d in the room; want 1 and 1", staying, r.FacilitatorView().Present)
	}
}

// Everything at once, under the race detector: members join, vote, read
// ahead, follow, leave and come back while the facilitator moves the room,
// adds hands and reveals. Afterwards the counts still add up.
func TestEverythingAtOnce(t *testing.T) {
	const members, rounds = 60, 40
	r, _ := newRoom(t, room.Config{MaxMembers: members})
	show(t, r, stepTitle2)
	var readers, actors sync.WaitGroup
	steps := []room.Step{stepTitle2, stepDues, stepAssem, stepGrant}
	for i := range members {
		actors.Add(1)
		go func() {
			defer actors.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			key := fmt.Sprint("key", i)
			m, err := r.Join(key, "")
			if err != nil {
				t.Error(err)
				return
			}
			session(m, &readers)
			for range rounds {
				v := m.View()
				switch rng.IntN(6) {
				case 0, 1:
					if v.Item != nil {
						m.Vote(v.Item.Scenario, [2]string{"ngo", "mass"}[rng.IntN(2)])
					}
				case 2:
					if v.Item != nil {
						m.VoteSign(v.Item.Scenario, fmt.Sprint(1+rng.IntN(3)))
					}
				case 3:
					m.Goto(steps[rng.IntN(len(steps))])
				case 4:
					m.Follow()
				case 5:
					m.Leave()
					if m, err = r.Join(key, ""); err != nil {
						t.Error(err)
						return
					}
					session(m, &readers)
				}
			}
		}()
	}
	fac := r.Subscribe()
	readers.Add(1)
	go func() {
		defer readers.Done()
		for range fac.C() {
			_ = r.FacilitatorView()
		}
	}()
	actors.Add(1)
	go func() {
		defer actors.Done()
		for i := range rounds {
			s := steps[i%len(steps)]
			r.Show(s)
			if s.Scenario != "" {
				r.AddHand(s.Scenario, "ngo")
				r.UndoHand(s.Scenario)
				r.AddHand(s.Scenario, "mass")
				if i > len(steps) {
					r.Reveal(s.Scenario)
				}
			}
			var b discard
			r.WriteRecord(&b)
		}
	}()
	actors.Wait()
	fv := r.FacilitatorView()
	if fv.Present != members {
		t.Errorf("%d in the room, want %d: every member came back", fv.Present, members)
	}
	for _, s := range steps[1:] {
		r.Show(s)
		for r.Reveal(s.Scenario) {
		}
		c := r.FacilitatorView().Item.Category
		sum := 0
		for _, x := range c.Tally {
			sum += x.Members
		}
		if c.Voted > members || sum != c.Voted {
			t.Errorf("%s: %d voted, tally adds to %d, %d members", s.Scenario, c.Voted, sum, members)
		}
	}
	r.Close()
	readers.Wait()
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
