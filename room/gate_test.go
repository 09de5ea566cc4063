package room_test

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"testing"
	"testing/iotest"
	"time"

	"studyguide/room"
)

func TestNewMakesCodes(t *testing.T) {
	tests := []struct {
		name       string
		digits     int
		facilitate bool
		want       string // pattern of the member code
		wantErr    bool
	}{
		{name: "default is eight digits", want: `^[0-9]{8}$`},
		{name: "six digits", digits: 6, want: `^[0-9]{6}$`},
		{name: "ten digits with a facilitator code", digits: 10, facilitate: true, want: `^[0-9]{10}$`},
		{name: "five digits is too few", digits: 5, wantErr: true},
		{name: "eleven digits is too many", digits: 11, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := room.New(room.Config{Pack: testPack(), CodeDigits: tt.digits, FacilitatorCode: tt.facilitate})
			if tt.wantErr {
				if err == nil {
					t.Fatalf("New accepted %d digits", tt.digits)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(tt.want).MatchString(r.Code()) {
				t.Errorf("code %q does not match %s", r.Code(), tt.want)
			}
			fc := r.FacilitatorCode()
			if tt.facilitate != (fc != "") {
				t.Errorf("facilitator code %q, asked for one: %v", fc, tt.facilitate)
			}
			if tt.facilitate && !regexp.MustCompile(`^[0-9]{12}$`).MatchString(fc) {
				t.Errorf("facilitator code %q is not 12 digits", fc)
			}
		})
	}
}

func TestCodeKeepsLeadingZeros(t *testing.T) {
	r, err := room.New(room.Config{Pack: testPack(), Random: bytes.NewReader(make([]byte, 64))})
	if err != nil {
		t.Fatal(err)
	}
	if r.Code() != "00000000" {
		t.Errorf("code from zero bytes is %q, want 00000000", r.Code())
	}
}

func TestNewFails(t *testing.T) {
	if _, err := room.New(room.Config{}); err == nil {
		t.Error("New without a pack succeeded")
	}
	broken := iotest.ErrReader(errors.New("no entropy"))
	if _, err := room.New(room.Config{Pack: testPack(), Random: broken}); err == nil {
		t.Error("New with a failing random source succeeded")
	}
	// The member code comes out but the facilitator's fails.
	short := bytes.NewReader(make([]byte, 2))
	if _, err := room.New(room.Config{Pack: testPack(), Random: short, FacilitatorCode: true}); err == nil {
		t.Error("New with a random source that runs dry succeeded")
	}
}

func TestMaxMembersDefault(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	if r.MaxMembers() != room.DefaultMaxMembers {
		t.Errorf("MaxMembers %d, want %d", r.MaxMembers(), room.DefaultMaxMembers)
	}
}

func TestGateChecksTheCode(t *testing.T) {
	r, _ := newRoom(t, room.Config{FacilitatorCode: true})
	plain, _ := newRoom(t, room.Config{})
	tests := []struct {
		name  string
		r     *room.Room
		codes []string // tried in turn
		want  []error  // one per code
		role  room.Role
	}{
		{name: "right first time", r: r, codes: []string{r.Code()}, want: []error{nil}, role: room.AsMember},
		{name: "spaces around are fine", r: r, codes: []string{" " + r.Code() + "\n"}, want: []error{nil}, role: room.AsMember},
		{name: "right on the third try", r: r, codes: []string{"x", "", r.Code()},
			want: []error{room.ErrWrongCode, room.ErrWrongCode, nil}, role: room.AsMember},
		{name: "three wrong codes close", r: r, codes: []string{"1", "2", "3", r.Code()},
			want: []error{room.ErrWrongCode, room.ErrWrongCode, room.ErrNoAttempts, room.ErrNoAttempts}},
		{name: "facilitator code", r: r, codes: []string{r.FacilitatorCode()}, want: []error{nil}, role: room.AsFacilitator},
		{name: "a room without a facilitator code refuses one", r: plain, codes: []string{"", r.FacilitatorCode()},
			want: []error{room.ErrWrongCode, room.ErrWrongCode}},
		{name: "the start of the code is wrong", r: r, codes: []string{r.Code()[:3]}, want: []error{room.ErrWrongCode}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := tt.r.Gate("192.0.2.1:" + string(rune('a'+i)))
			if err != nil {
				t.Fatal(err)
			}
			var role room.Role
			for j, code := range tt.codes {
				role, err = g.Check(code)
				if !errors.Is(err, tt.want[j]) {
					t.Fatalf("try %d (%q): %v, want %v", j+1, code, err, tt.want[j])
				}
			}
			if role != tt.role {
				t.Errorf("role %v, want %v", role, tt.role)
			}
		})
	}
}

func TestGateCountsTriesLeft(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	g, _ := r.Gate("192.0.2.1:5000")
	for want := room.MaxAttempts; want > 0; want-- {
		if g.Left() != want {
			t.Fatalf("Left %d, want %d", g.Left(), want)
		}
		g.Check("nope")
	}
	if g.Left() != 0 {
		t.Errorf("Left %d after %d wrong codes", g.Left(), room.MaxAttempts)
	}
}

// fail makes n wrong tries from addr, on as many connections as it takes.
func fail(t *testing.T, r *room.Room, addr string, n int) {
	t.Helper()
	var g *room.Gate
	for i := range n {
		if g == nil || g.Left() == 0 {
			var err error
			if g, err = r.Gate(addr); err != nil {
				t.Fatalf("wrong try %d: Gate: %v", i+1, err)
			}
		}
		if _, err := g.Check("wrong"); !errors.Is(err, room.ErrWrongCode) && !errors.Is(err, room.ErrNoAttempts) {
			t.Fatalf("wrong try %d: %v", i+1, err)
		}
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	r, clk := newRoom(t, room.Config{})
	fail(t, r, "192.0.2.1:4000", room.AddressFailures-1)
	// One short of the limit: still let in, even with the right code.
	g, err := r.Gate("192.0.2.1:4001")
	if err != nil {
		t.Fatalf("below the limit: %v", err)
	}
	if _, err := g.Check("wrong"); !errors.Is(err, room.ErrWrongCode) {
		t.Fatalf("the last allowed wrong try: %v", err)
	}
	// That was the limit: the same connection is cut off, right code or not.
	if _, err := g.Check(r.Code()); !errors.Is(err, room.ErrRateLimited) {
		t.Errorf("right code after the limit: %v, want ErrRateLimited", err)
	}
	if g.Left() != 0 {
		t.Errorf("a rate-limited connection has %d tries left", g.Left())
	}
	// New connections from the address (any port) are refused at once.
	if _, err := r.Gate("192.0.2.1:4002"); !errors.Is(err, room.ErrRateLimited) {
		t.Errorf("new connection from a limited address: %v", err)
	}
	// Another address is not affected; IPv6 addresses are understood.
	if g, err := r.Gate("[2001:db8::1]:4000"); err != nil {
		t.Errorf("another address: %v", err)
	} else if role, err := g.Check(r.Code()); err != nil || role != room.AsMember {
		t.Errorf("another address with the right code: %v %v", role, err)
	}
	// The refusal lasts until the failures age out of the window.
	clk.Add(room.AddressWindow - time.Second)
	if _, err := r.Gate("192.0.2.1:4003"); !errors.Is(err, room.ErrRateLimited) {
		t.Errorf("just inside the window: %v", err)
	}
	clk.Add(time.Second)
	g, err = r.Gate("192.0.2.1:4004")
	if err != nil {
		t.Fatalf("after the window: %v", err)
	}
	if role, err := g.Check(r.Code()); err != nil || role != room.AsMember {
		t.Errorf("after the window, the right code: %v %v", role, err)
	}
}

func TestRateLimitWindowSlides(t *testing.T) {
	r, clk := newRoom(t, room.Config{})
	// Failures spread out so that no window holds the limit never block.
	for i := range 3 * room.AddressFailures {
		fail(t, r, "192.0.2.9:1", 1)
		clk.Add(room.AddressWindow / room.AddressFailures)
		if _, err := r.Gate("192.0.2.9:2"); err != nil {
			t.Fatalf("after %d spread-out failures: %v", i+1, err)
		}
	}
	// The window now holds one short of the limit: one more failure
	// reaches it.
	fail(t, r, "192.0.2.9:1", 1)
	if _, err := r.Gate("192.0.2.9:2"); !errors.Is(err, room.ErrRateLimited) {
		t.Errorf("a full window: %v", err)
	}
}

func TestGateOnAClosedRoom(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	g, err := r.Gate("192.0.2.1:1")
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if _, err := g.Check(r.Code()); !errors.Is(err, room.ErrClosed) {
		t.Errorf("Check on a closed room: %v", err)
	}
	if _, err := r.Gate("192.0.2.1:2"); !errors.Is(err, room.ErrClosed) {
		t.Errorf("Gate on a closed room: %v", err)
	}
}

func TestGateWithoutPort(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	fail(t, r, "pipe", room.AddressFailures)
	if _, err := r.Gate("pipe"); !errors.Is(err, room.ErrRateLimited) {
		t.Errorf("an address without a port is limited too: %v", err)
	}
}

// Many addresses share the room's budget of wrong codes: once it is spent
// the room takes no code at all, right or wrong, and the facilitator is
// told; it takes one more each RoomRefill.
func TestRoomWideBudget(t *testing.T) {
	r, clk := newRoom(t, room.Config{})
	// Right codes spend nothing.
	for i := range 2 * room.RoomFailures {
		g, _ := r.Gate(fmt.Sprintf("198.51.100.%d:1", i))
		if _, err := g.Check(r.Code()); err != nil {
			t.Fatalf("right code %d: %v", i+1, err)
		}
	}
	// Wrong codes from many addresses, each well under its own limit; the
	// facilitator's screen is told of each.
	fac := r.Subscribe()
	fail(t, r, "10.1.9.9:1", 1)
	if !pending(fac.C()) {
		t.Error("a wrong code did not tell the facilitator's screen")
	}
	for i := range room.RoomFailures - 1 {
		fail(t, r, fmt.Sprintf("10.1.%d.%d:1", i/200, i%200), 1)
	}
	d := r.FacilitatorView().Door
	if !d.Paused || d.WrongCodes != room.RoomFailures {
		t.Errorf("after %d wrong codes: %+v, want paused", room.RoomFailures, d)
	}
	fresh, err := r.Gate("203.0.113.1:1")
	if err != nil {
		t.Fatalf("a fresh address may still connect: %v", err)
	}
	if _, err := fresh.Check(r.Code()); !errors.Is(err, room.ErrBusy) {
		t.Fatalf("the right code while the room is paused: %v, want ErrBusy", err)
	}
	if fresh.Left() != room.MaxAttempts {
		t.Errorf("a refused try cost the connection: %d left", fresh.Left())
	}
	if _, err := fresh.Reclaim("bbbb-bbbb"); !errors.Is(err, room.ErrBusy) {
		t.Errorf("a seat word while the room is paused: %v, want ErrBusy", err)
	}
	if d := r.FacilitatorView().Door; d.Refused != 2 {
		t.Errorf("refused %d tries, want 2", d.Refused)
	}
	clk.Add(room.RoomRefill)
	if _, err := fresh.Check("00000000"); !errors.Is(err, room.ErrWrongCode) {
		t.Fatalf("one try after a refill: %v", err)
	}
	if _, err := fresh.Check(r.Code()); !errors.Is(err, room.ErrBusy) {
		t.Errorf("a second try before the next refill: %v", err)
	}
	clk.Add(room.RoomRefill)
	if role, err := fresh.Check(r.Code()); err != nil || role != room.AsMember {
		t.Errorf("the right code after a refill: %v %v", role, err)
	}
	// The count the facilitator sees ages out with the window.
	clk.Add(room.AddressWindow)
	if d := r.FacilitatorView().Door; d.Paused || d.WrongCodes != 0 {
		t.Errorf("a window later: %+v", d)
	}
}

// An IPv6 network of one subscriber (a /64) counts as one address.
func TestIPv6CountsPerNetwork(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	for i := range room.AddressFailures {
		fail(t, r, fmt.Sprintf("[2001:db8:1:2::%x]:1", i+1), 1)
	}
	if _, err := r.Gate("[2001:db8:1:2:ffff::9]:1"); !errors.Is(err, room.ErrRateLimited) {
		t.Errorf("another address of the same /64: %v, want ErrRateLimited", err)
	}
	if _, err := r.Gate("[2001:db8:1:3::1]:1"); err != nil {
		t.Errorf("another /64: %v", err)
	}
}

func TestCodesAsPeopleTypeThem(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	grouped := room.FormatCode(r.Code())
	if !regexp.MustCompile(`^[0-9]{4} [0-9]{4}$`).MatchString(grouped) {
		t.Fatalf("FormatCode(%q) = %q", r.Code(), grouped)
	}
	for _, typed := range []string{grouped, r.Code()[:4] + "-" + r.Code()[4:], " " + grouped + " "} {
		g, _ := r.Gate("192.0.2.1:1")
		if _, err := g.Check(typed); err != nil {
			t.Errorf("Check(%q): %v", typed, err)
		}
	}
}

// A gate seats nobody before the code, and a wrong seat word is a wrong
// try like a wrong code.
func TestGateJoinAndReclaim(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	g, _ := r.Gate("192.0.2.1:1")
	if _, err := g.Join("", "Ada"); !errors.Is(err, room.ErrNoCode) {
		t.Fatalf("Join before the code: %v", err)
	}
	if _, err := g.Check(r.Code()); err != nil {
		t.Fatal(err)
	}
	ada, err := g.Join("", "Ada")
	if err != nil {
		t.Fatal(err)
	}
	ada.Leave()
	g2, _ := r.Gate("192.0.2.2:1")
	for want := room.MaxAttempts - 1; want > 0; want-- {
		if _, err := g2.Reclaim("bbbb-bbbb"); !errors.Is(err, room.ErrNoSeat) || g2.Left() != want {
			t.Fatalf("a wrong seat word: %v, %d left, want ErrNoSeat, %d", err, g2.Left(), want)
		}
	}
	back, err := g2.Reclaim(ada.SeatWord())
	if err != nil || back.View().Name != "Ada" {
		t.Fatalf("the right seat word: %v", err)
	}
	if d := r.FacilitatorView().Door; d.WrongCodes != room.MaxAttempts-1 {
		t.Errorf("%d wrong tries counted, want %d", d.WrongCodes, room.MaxAttempts-1)
	}
}
