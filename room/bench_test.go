package room_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"studyguide/room"
)

const benchMembers = 100

// benchRoom seats benchMembers members on the dues item, each with a
// session goroutine reading its view on every change (calling onView with
// it), and the facilitator with one reading the facilitator's view.
func benchRoom(b *testing.B, onView func(room.MemberView), onFac func(start, end time.Time)) (*room.Room, []*room.Member, func()) {
	r, _ := newRoom(b, room.Config{MaxMembers: benchMembers})
	show(b, r, stepDues)
	var wg sync.WaitGroup
	ms := make([]*room.Member, benchMembers)
	for i := range ms {
		ms[i] = join(b, r, fmt.Sprint("key", i), "")
		wg.Add(1)
		go func(m *room.Member) {
			defer wg.Done()
			for range m.Changes() {
				v := m.View()
				if onView != nil {
					onView(v)
				}
			}
		}(ms[i])
	}
	fac := r.Subscribe()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range fac.C() {
			start := time.Now()
			_ = r.FacilitatorView()
			if onFac != nil {
				onFac(start, time.Now())
			}
		}
	}()
	return r, ms, func() { r.Close(); wg.Wait() }
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[min(len(ds)-1, int(p*float64(len(ds))))]
}

// BenchmarkVote: 100 members voting at once, while every member's session
// and the facilitator's read fresh views as they are told of changes. An
// op is one round: the 100 votes, until the facilitator's session has read
// a view counting all of them. ns/vote is the round over 100; fac-p99-ms is
// the 99th percentile, over all votes, of the time from a vote to the
// facilitator's view counting it (at most the time until it counts all
// 100): the room's share of the 50 ms budget.
func BenchmarkVote(b *testing.B) {
	var round atomic.Int64
	counted := make(chan time.Time, 1)
	var signalled atomic.Int64
	r, ms, stop := benchRoom(b, nil, nil)
	defer stop()
	fac := r.Subscribe()
	go func() {
		for range fac.C() {
			n := round.Load()
			if v := r.FacilitatorView(); v.Item.Category.Voted == len(ms) && signalled.Load() < n {
				signalled.Store(n)
				counted <- time.Now()
			}
		}
	}()
	var wg sync.WaitGroup
	starts := make([]time.Time, len(ms))
	var lat []time.Duration
	b.ResetTimer()
	for range b.N {
		room.ReopenItem(r, "dues")
		round.Add(1)
		wg.Add(len(ms))
		for i, m := range ms {
			go func() {
				defer wg.Done()
				starts[i] = time.Now()
				if err := m.Vote("dues", [2]string{"ngo", "mass"}[i%2]); err != nil {
					b.Error(err)
				}
			}()
		}
		wg.Wait()
		seen := <-counted
		for _, s := range starts {
			lat = append(lat, seen.Sub(s))
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ms)), "ns/vote")
	b.ReportMetric(float64(percentile(lat, 0.99))/1e6, "fac-p99-ms")
}

// BenchmarkVoteStorm: 100 members changing their votes as fast as they
// can, all at once: the room's throughput under contention, far beyond
// what a meeting sends. ns/op is one vote.
func BenchmarkVoteStorm(b *testing.B) {
	_, ms, stop := benchRoom(b, nil, nil)
	defer stop()
	var next atomic.Int64
	b.SetParallelism(max(1, benchMembers/runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		m := ms[int(next.Add(1)-1)%len(ms)]
		for i := 0; pb.Next(); i++ {
			if err := m.Vote("dues", [2]string{"ngo", "mass"}[i%2]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkReveal: a reveal reaching 100 members. ns/op is from the reveal
// until every member's session has read a view showing the tally.
func BenchmarkReveal(b *testing.B) {
	var round atomic.Int64
	seen := make(chan struct{}, benchMembers)
	var lastMu sync.Mutex
	last := map[int]int64{}
	r, _, stop := benchRoom(b, func(v room.MemberView) {
		n := round.Load()
		if v.Item != nil && v.Item.Phase == room.Revealed {
			lastMu.Lock()
			fresh := last[v.Seat] < n
			last[v.Seat] = n
			lastMu.Unlock()
			if fresh {
				seen <- struct{}{}
			}
		}
	}, nil)
	defer stop()
	var lat []time.Duration
	b.ResetTimer()
	for range b.N {
		room.ReopenItem(r, "dues")
		round.Add(1)
		start := time.Now()
		r.Reveal("dues")
		for range benchMembers {
			<-seen
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(float64(percentile(lat, 0.99))/1e6, "p99-ms")
}

// BenchmarkMemberView and BenchmarkFacilitatorView: one view of a room of
// 100 members who have all voted, after the reveal.
func BenchmarkMemberView(b *testing.B) {
	r, ms, stop := benchRoom(b, nil, nil)
	defer stop()
	for i, m := range ms {
		m.Vote("dues", [2]string{"ngo", "mass"}[i%2])
	}
	r.Reveal("dues")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = ms[0].View()
	}
}

func BenchmarkFacilitatorView(b *testing.B) {
	r, ms, stop := benchRoom(b, nil, nil)
	defer stop()
	for i, m := range ms {
		m.Vote("dues", [2]string{"ngo", "mass"}[i%2])
	}
	r.Reveal("dues")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = r.FacilitatorView()
	}
}
