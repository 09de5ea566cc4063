package room

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sync"
	"time"

	"studyguide/content"
)

// DefaultMaxMembers is how many members may be connected at once unless
// Config says otherwise.
const DefaultMaxMembers = 50

// seatsPerMember bounds the seats a room keeps (members who left keep
// theirs for a reconnect): this many times MaxMembers. Past it, the oldest
// empty seat is forgotten, so people coming and going never fill the room.
const seatsPerMember = 4

// Code lengths. A member code of DefaultCodeDigits digits holds for a
// whole meeting against the room-wide limit on wrong codes (see Gate);
// the facilitator's code is longer than any member code, so the two never
// match.
const (
	DefaultCodeDigits = 8
	minCodeDigits     = 6
	maxCodeDigits     = 10
	facilitatorDigits = 12
)

// Errors the room returns. A session shows them to its member in its own
// words.
var (
	ErrFull    = errors.New("the room is full")
	ErrClosed  = errors.New("the room is closed")
	ErrGone    = errors.New("this connection is no longer in the room")
	ErrNotOpen = errors.New("this item is not open for that vote")
	ErrLocked  = errors.New("the vote is locked")
	ErrOption  = errors.New("not one of the choices")
)

// Config sets up a room.
type Config struct {
	// Pack is what the room studies: its quiz is voted on, its title and
	// chapter titles go into the meeting record.
	Pack *content.Pack
	// MaxMembers is how many members may be connected at once; 0 means
	// DefaultMaxMembers.
	MaxMembers int
	// CodeDigits is the length of the member code, 6 to 10; 0 means
	// DefaultCodeDigits.
	CodeDigits int
	// FacilitatorCode makes a second, longer code that lets its holder
	// drive the room from an SSH session (a headless room).
	FacilitatorCode bool
	// Now is the clock, for the rate limit and the record; nil means
	// time.Now.
	Now func() time.Time
	// Random is where codes and seat words come from; nil means
	// crypto/rand.
	Random io.Reader
}

// Step is a position in the facilitator's presentation. The room keeps it
// as given; it reads only Chapter (time per chapter), Scenario (which item
// the step votes on) and Question (the record lists questions shown).
// Until the facilitator's first Show, the room's step is the zero Step.
type Step struct {
	Index    int    // the step's place in the caller's deck
	Chapter  int    // the chapter the step belongs to
	Scenario string // the quiz item's scenario ID on a quiz step, else ""
	Question string // the discussion question on a question step, else ""
}

// Room is one served meeting. Create it with New.
type Room struct {
	pack    *content.Pack
	bank    *content.QuizBank // nil when the pack has no quiz
	now     func() time.Time
	max     int
	code    string
	facCode string
	door    door
	random  io.Reader

	mu      sync.RWMutex
	closed  bool
	started time.Time
	ended   time.Time

	seats   []*seat          // the seats kept, by number
	byKey   map[string]*seat // SSH key fingerprint → seat
	byWord  map[string]*seat // seat word → seat
	made    int              // seats ever made: the last seat's number
	present int              // connected members
	drivers int              // facilitators' screens driving the room
	// drivenOnce: a facilitator has driven the room
	drivenOnce bool
	timer      Timer

	step  Step
	items map[string]*item // by scenario ID, once shown
	order []*item          // in the order first shown

	chapters  []*chapterLog // in the order first shown
	chapter   *chapterLog   // the one the room is in; nil before the first Show
	since     time.Time     // when the room entered it
	questions []shownQuestion

	subs map[*Subscription]struct{}
}

// chapterLog is what the room did in one chapter.
type chapterLog struct {
	number int
	spent  time.Duration
	steps  map[int]bool // step indexes shown
}

type shownQuestion struct {
	chapter int
	text    string
}

// New opens a room with fresh codes.
func New(cfg Config) (*Room, error) {
	if cfg.Pack == nil {
		return nil, errors.New("a room needs a pack")
	}
	digits := cfg.CodeDigits
	if digits == 0 {
		digits = DefaultCodeDigits
	}
	if digits < minCodeDigits || digits > maxCodeDigits {
		return nil, fmt.Errorf("a room code has %d to %d digits, not %d", minCodeDigits, maxCodeDigits, digits)
	}
	r := &Room{pack: cfg.Pack, bank: cfg.Pack.Quiz, now: cfg.Now, max: cfg.MaxMembers,
		byKey: map[string]*seat{}, byWord: map[string]*seat{}, items: map[string]*item{}, subs: map[*Subscription]struct{}{}}
	if r.now == nil {
		r.now = time.Now
	}
	if r.max <= 0 {
		r.max = DefaultMaxMembers
	}
	r.random = cfg.Random
	if r.random == nil {
		r.random = rand.Reader
	}
	var err error
	if r.code, err = newCode(r.random, digits); err != nil {
		return nil, err
	}
	if cfg.FacilitatorCode {
		if r.facCode, err = newCode(r.random, facilitatorDigits); err != nil {
			return nil, err
		}
	}
	r.door.failures = map[string][]time.Time{}
	r.door.budget = RoomFailures
	r.started = r.now()
	return r, nil
}

// newCode draws a code of n decimal digits.
func newCode(random io.Reader, n int) (string, error) {
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	v, err := rand.Int(random, limit)
	if err != nil {
		return "", fmt.Errorf("making the room code: %w", err)
	}
	return fmt.Sprintf("%0*d", n, v.Int64()), nil
}

// Code is the code members type to join.
func (r *Room) Code() string { return r.code }

// FacilitatorCode is the code that joins as the facilitator, "" unless
// Config.FacilitatorCode asked for one.
func (r *Room) FacilitatorCode() string { return r.facCode }

// MaxMembers is how many members may be connected at once.
func (r *Room) MaxMembers() int { return r.max }

// Show moves the room to a step: following members see it, late joiners
// land on it, and a quiz step opens its item for votes. A step naming a
// scenario the pack's quiz does not have is refused.
func (r *Room) Show(s Step) error {
	var sc *content.Scenario
	if s.Scenario != "" {
		ok := false
		if r.bank != nil {
			sc, ok = r.bank.Scenario(s.Scenario)
		}
		if !ok {
			return fmt.Errorf("the quiz has no scenario %q", s.Scenario)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return ErrClosed
	}
	r.enterChapter(s.Chapter)
	r.chapter.steps[s.Index] = true
	if s.Question != "" && !r.questionShown(s) {
		r.questions = append(r.questions, shownQuestion{chapter: s.Chapter, text: s.Question})
	}
	if sc != nil && r.items[sc.ID] == nil {
		it := newItem(sc, r.bank)
		r.items[sc.ID] = it
		r.order = append(r.order, it)
	}
	r.step = s
	r.notifyAll()
	return nil
}

// enterChapter moves the room's clock to chapter n.
func (r *Room) enterChapter(n int) {
	if r.chapter != nil && r.chapter.number == n {
		return
	}
	now := r.now()
	r.settleChapter(now)
	r.chapter = nil
	for _, c := range r.chapters {
		if c.number == n {
			r.chapter = c
		}
	}
	if r.chapter == nil {
		r.chapter = &chapterLog{number: n, steps: map[int]bool{}}
		r.chapters = append(r.chapters, r.chapter)
	}
	r.since = now
}

// settleChapter adds the time since the room entered its chapter.
func (r *Room) settleChapter(now time.Time) {
	if r.chapter != nil {
		r.chapter.spent += now.Sub(r.since)
		r.since = now
	}
}

func (r *Room) questionShown(s Step) bool {
	for _, q := range r.questions {
		if q.chapter == s.Chapter && q.text == s.Question {
			return true
		}
	}
	return false
}

// Close ends the room: every member's connection is told (their channel
// closes and their view says Closed), subscribers' channels close, and
// joins and votes are refused. Views, misses and the record stay readable.
func (r *Room) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	r.closed = true
	r.ended = r.now()
	r.settleChapter(r.ended)
	for _, s := range r.seats {
		if m := s.conn; m != nil {
			m.exit = Closed
			close(m.changes)
			s.conn = nil
		}
	}
	r.present = 0
	for sub := range r.subs {
		close(sub.c)
		delete(r.subs, sub)
	}
	r.drivers = 0
}

// Subscription tells the facilitator's screen that the room changed.
type Subscription struct {
	r      *Room
	c      chan struct{}
	driver bool
}

// Subscribe starts telling a facilitator's session about changes: joins
// and leaves, votes cast (counts only), steps and reveals. The channel is
// closed by Cancel or Close.
func (r *Room) Subscribe() *Subscription {
	s := &Subscription{r: r, c: make(chan struct{}, 1)}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		close(s.c)
	} else {
		r.subs[s] = struct{}{}
	}
	return s
}

// C receives a value when the room may have changed.
func (s *Subscription) C() <-chan struct{} { return s.c }

// Drive subscribes a facilitator's screen that drives the room: while one
// does, members' views say the room is driven (MemberView.Driven); when
// the last one cancels, members are told.
func (r *Room) Drive() *Subscription {
	s := r.Subscribe()
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.subs[s]; ok {
		s.driver = true
		r.drivers++
		r.drivenOnce = true
		r.notifyAll()
	}
	return s
}

// Cancel stops the subscription and closes its channel.
func (s *Subscription) Cancel() {
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if _, ok := s.r.subs[s]; ok {
		delete(s.r.subs, s)
		close(s.c)
		if s.driver {
			s.r.drivers--
			s.r.notifyAll()
		}
	}
}

// poke tells a viewer without ever waiting: a change already pending
// covers this one.
func poke(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// notifyFacilitators tells the facilitator's sessions; r.mu is held.
func (r *Room) notifyFacilitators() {
	for s := range r.subs {
		poke(s.c)
	}
}

// notifyAll tells every session; r.mu is held.
func (r *Room) notifyAll() {
	r.notifyFacilitators()
	for _, s := range r.seats {
		if s.conn != nil {
			poke(s.conn.changes)
		}
	}
}
