package webdoor

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"studyguide/internal/sshtest"
	"studyguide/room"
)

// A member joins from a browser: a wrong code is said and costs a try; the
// right one seats them with a cookie only the server reads, and the page
// follows the room.
func TestJoinFromABrowser(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	b.get("/")
	b.mustSee(`name="code"`, "Your votes are anonymous")
	b.post("/join", url.Values{"code": {"00000000"}, "name": {"Ada"}})
	if b.status != http.StatusUnprocessableEntity {
		t.Fatalf("a wrong code: %d", b.status)
	}
	b.mustSee("That is not the room&#39;s code", `value="Ada"`)
	b.post("/join", url.Values{"code": {"  "}})
	b.mustSee("Type the room&#39;s code")
	resp := b.post("/join", url.Values{"code": {room.FormatCode(tr.r.Code())}, "name": {"Ada"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/room" {
		t.Fatalf("the right code: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	c := resp.Header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(c, want) {
			t.Errorf("the seat's cookie %q lacks %s", c, want)
		}
	}
	b.get("/room")
	b.mustSee(tr.deck.Counter(tr.deck.Start(2)), "1 in the room", "following the room", "Ten warning signs")
	if fv := tr.r.FacilitatorView(); fv.Present != 1 || fv.Names[0] != "Ada" {
		t.Errorf("the facilitator sees %d: %q", fv.Present, fv.Names)
	}
	b.get("/")
	if b.status != http.StatusSeeOther {
		t.Errorf("the join page for a member already in the room: %d", b.status)
	}
	// The QR code's link fills the code in.
	other := newBrowser(t, tr)
	other.get("/?code=" + tr.r.Code())
	other.mustSee(`type="hidden" name="code" value="`+tr.r.Code()+`"`, room.FormatCode(tr.r.Code())+", from the link")
}

// The web door and the SSH door share one gate: an address's wrong codes
// and the room's budget count across both.
func TestWrongCodesAreLimitedPerAddress(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	notices := map[int]bool{}
	for i := range room.AddressFailures + 2 {
		b.post("/join", url.Values{"code": {fmt.Sprintf("9999%04d", i)}})
		notices[b.status] = true
	}
	if !notices[http.StatusTooManyRequests] {
		t.Fatalf("%d wrong codes from one address were all taken: %v", room.AddressFailures+2, notices)
	}
	b.mustSee("Too many wrong codes from this network")
	if _, err := tr.r.Gate("127.0.0.1:1"); err == nil {
		t.Error("the SSH door still lets in the address the web door limited")
	}
}

// A member votes from the page: the facilitator counts it without the
// split; the page marks it; the reveal shows what they said beside the
// room's tally and the essay's answer.
func TestVoteFromTheBrowser(t *testing.T) {
	tr := startRoom(t, 0, 0)
	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	b.mustSee(sc.ID, "NGO-like or Mass-organization-like?", "Nothing is chosen for you")
	tok := b.token()
	b.post("/vote", url.Values{"token": {tok}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"mass"}})
	if b.status != http.StatusSeeOther {
		t.Fatalf("a vote: %d %s", b.status, b.last)
	}
	fv := tr.r.FacilitatorView()
	if fv.Item.Category.Voted != 1 || fv.Item.Category.Tally != nil {
		t.Fatalf("the facilitator sees %+v", fv.Item.Category)
	}
	b.get("/room")
	b.mustSee("● your vote", "You can change your vote")
	if strings.Count(b.last, "● your vote") != 1 {
		t.Errorf("the page marks %d votes", strings.Count(b.last, "● your vote"))
	}
	tr.r.Reveal(sc.ID)
	b.get("/room")
	b.mustSee("You said Mass-organization-like · the room: 1 Mass-organization-like", "<meter")
	if sc.Answer == "mass" {
		b.mustSee("✓ The essay agrees: Mass-organization-like")
	} else {
		b.mustSee("✗ The essay&#39;s answer: NGO-like")
	}
	b.post("/vote", url.Values{"token": {tok}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"ngo"}})
	b.get(b.lastLocation())
}

// lastLocation is a redirect's target, for following it by hand.
func (b *browser) lastLocation() string { return "/room" }

// A post without the member's page token (another site's form, or a
// forged one) is refused, and no vote is taken.
func TestForgedPostsAreRefused(t *testing.T) {
	tr := startRoom(t, 0, 0)
	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	good := b.token()
	for _, tok := range []string{"", "0123456789abcdef0123456789abcdef", good + "0", good[:31]} {
		b.post("/vote", url.Values{"token": {tok}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"ngo"}})
		if b.status != http.StatusForbidden {
			t.Errorf("a vote with token %q: %d", tok, b.status)
		}
	}
	stranger := newBrowser(t, tr) // no cookie: another site's page posting
	stranger.post("/vote", url.Values{"token": {good}, "scenario": {sc.ID}, "option": {"ngo"}})
	if stranger.status != http.StatusForbidden {
		t.Errorf("a vote without the seat's cookie: %d", stranger.status)
	}
	if v := tr.r.FacilitatorView().Item.Category.Voted; v != 0 {
		t.Errorf("%d votes counted from forged posts", v)
	}
}

// A reload after the page stopped following the room (a phone locked, the
// network dropped) keeps the seat and the vote.
func TestAReloadKeepsTheSeatAndTheVote(t *testing.T) {
	tr := startRoom(t, 0, 20*time.Millisecond)
	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	b.post("/vote", url.Values{"token": {b.token()}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"ngo"}})
	deadline := time.Now().Add(5 * time.Second)
	for tr.r.FacilitatorView().Present != 0 { // let go after the grace
		if time.Now().After(deadline) {
			t.Fatal("a page that stopped following the room is still counted in it")
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.get("/room")
	b.mustSee("● your vote")
	if fv := tr.r.FacilitatorView(); fv.Present != 1 || fv.Names[0] != "Ada" || fv.Item.Category.Voted != 1 {
		t.Errorf("after the reload: %d in the room %q, %d voted", fv.Present, fv.Names, fv.Item.Category.Voted)
	}
}

// What a member typed is escaped wherever it is shown; other members'
// pages never show anyone's name or vote.
func TestNamesAreEscapedAndVotesStayPrivate(t *testing.T) {
	tr := startRoom(t, 0, 0)
	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	a := newBrowser(t, tr)
	a.post("/join", url.Values{"code": {"1"}, "name": {evil}})
	if strings.Contains(a.last, "<script>alert") || strings.Contains(a.last, "<img src=x") {
		t.Fatalf("the join page shows what was typed unescaped:\n%s", a.last)
	}
	a.join(tr.r.Code(), evil)
	a.post("/vote", url.Values{"token": {a.token()}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"ngo"}})
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Bo")
	if strings.Contains(b.last, "● your vote") || strings.Contains(b.last, "alert(") {
		t.Errorf("another member's page shows a vote or a name:\n%s", b.last)
	}
}

// A page's event stream follows the room: a step the facilitator shows
// reaches it, and a page that does not read its stream never holds up
// the room.
func TestEventsFollowTheRoom(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	s := b.events()
	s.next(t, "event: view")
	next := tr.deck.Start(2) + 1
	tr.show(t, next)
	s.next(t, tr.deck.Counter(next))
	stalled := newBrowser(t, tr)
	stalled.join(tr.r.Code(), "Stalled")
	stalled.events() // never read
	start := time.Now()
	for i := range 50 {
		tr.show(t, tr.deck.Start(2)+i%5)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("50 steps took %s with a page not reading its stream", d)
	}
	tr.show(t, next+1)
	s.next(t, tr.deck.Counter(next+1))
	tr.r.Close()
	s.next(t, "event: end")
}

// Malformed requests get a 4xx and a line, never a panic.
func TestMalformedRequests(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	tok := b.token()
	for _, c := range []struct {
		method, path, body string
		want               int
	}{
		{"POST", "/join", "code=" + strings.Repeat("1", 8<<10), http.StatusRequestEntityTooLarge},
		{"POST", "/move", "token=" + tok + "&to=sideways", http.StatusBadRequest},
		{"POST", "/vote", "token=" + tok + "&scenario=nope&option=ngo", http.StatusSeeOther}, // said on the page
		{"POST", "/join", "%zz", http.StatusBadRequest},
		{"GET", "/term/99999", "", http.StatusNotFound},
		{"GET", "/term/-1", "", http.StatusNotFound},
		{"GET", "/term/abc", "", http.StatusNotFound},
		{"GET", "/nowhere", "", http.StatusNotFound},
		{"DELETE", "/room", "", http.StatusMethodNotAllowed},
	} {
		req, _ := http.NewRequest(c.method, tr.base+c.path, strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if resp := b.do(req); resp.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d: %.200s", c.method, c.path, resp.StatusCode, c.want, b.last)
		}
	}
}

// When the meeting ends, the page says goodbye with where the member
// differed from the essay.
func TestGoodbyeListsTheMisses(t *testing.T) {
	tr := startRoom(t, 0, 0)
	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	wrong := "mass"
	if sc.Answer == "mass" {
		wrong = "ngo"
	}
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	b.post("/vote", url.Values{"token": {b.token()}, "scenario": {sc.ID}, "poll": {"category"}, "option": {wrong}})
	tr.r.Close()
	b.get("/room")
	b.mustSee("The facilitator ended the meeting", "1 item where your vote differed", sc.ID)
}

// Everything a phone loads for the room is in the binary and small: the
// join page, the room's page, its stylesheet and script together well
// under 60 KB, and nothing from anywhere else.
func TestPageWeight(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	b.get("/")
	total := len(b.last)
	b.join(tr.r.Code(), "Ada")
	total += len(b.last)
	for _, path := range []string{"/assets/style.css", "/assets/app.js"} {
		b.get(path)
		if b.status != http.StatusOK {
			t.Fatalf("%s: %d", path, b.status)
		}
		total += len(b.last)
	}
	t.Logf("the join page, the room's page and their assets: %d bytes", total)
	if total > 60<<10 {
		t.Errorf("a phone loads %d KB, over 60", total>>10)
	}
	for _, external := range []string{"http://", "https://", "//"} {
		if strings.Contains(strings.ReplaceAll(b.last, tr.base, ""), "src=\""+external) {
			t.Errorf("the page loads something from elsewhere (%s)", external)
		}
	}
}

// One address may follow the room from at most a full room's pages and a
// few more: a flood of event streams is refused, not held.
func TestEventStreamsPerAddressAreCapped(t *testing.T) {
	tr := startRoom(t, 1, 0)
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	var open []*http.Response
	refused := 0
	for range 1 + spareStreams + 5 {
		req, _ := http.NewRequest("GET", tr.base+"/events", nil)
		c := *b.c
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode == http.StatusOK {
			open = append(open, resp)
		} else {
			refused++
			resp.Body.Close()
		}
	}
	for _, r := range open {
		r.Body.Close()
	}
	if len(open) > maxStreamsPerMember {
		t.Errorf("%d streams open for one member, want at most %d", len(open), maxStreamsPerMember)
	}
	if refused == 0 {
		t.Error("no stream was refused")
	}
}

// The facilitator's discussion timer shows on the page.
func TestPageShowsTheTimer(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	if strings.Contains(b.last, "⏱") {
		t.Fatal("a timer before the facilitator started one")
	}
	tr.r.SetTimer(true, true, 5*time.Minute)
	b.get("/room")
	b.mustSee(`class="clock"`, `data-running="1"`, "⏱ <span class=\"left\">4:5")
	tr.r.SetTimer(true, false, 3*time.Minute)
	b.get("/room")
	b.mustSee("3:00</span> paused")
}

// A seat word typed on another browser takes the seat there, and the
// browser that held it is told at once, never left watching the same seat.
func TestSeatWordOnAnotherBrowserTellsTheFirst(t *testing.T) {
	tr := startRoom(t, 0, 0)
	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	bea := newBrowser(t, tr)
	bea.join(tr.r.Code(), "Bea")
	bea.post("/vote", url.Values{"token": {bea.token()}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"mass"}})
	bea.get("/room")
	word := regexp.MustCompile(`class="word">([a-z0-9-]+)<`).FindStringSubmatch(bea.last)
	if word == nil {
		t.Fatalf("no seat word on the page:\n%s", bea.last)
	}
	stream := bea.events()
	stream.next(t, "event: view")
	other := newBrowser(t, tr)
	other.join(tr.r.Code(), word[1])
	other.mustSee("● your vote")
	stream.next(t, "You joined the room from another screen")
	bea.get("/room")
	bea.mustSee("You joined the room from another screen", "Take my seat back here")
	if strings.Contains(bea.last, "● your vote") {
		t.Error("the first browser still shows the seat's vote")
	}
	bea.post("/vote", url.Values{"token": {bea.token()}, "scenario": {sc.ID}, "poll": {"category"}, "option": {"ngo"}})
	if iv, _ := tr.r.Item(sc.ID); iv.Category.Voted != 1 {
		t.Errorf("%d voted", iv.Category.Voted)
	}
	if fv := tr.r.FacilitatorView(); fv.Present != 1 {
		t.Errorf("%d in the room, want 1: one seat", fv.Present)
	}
}

// When the meeting ends the page's stream carries the goodbye itself: the
// server may be gone by the time a page would load it.
func TestTheGoodbyeComesOnTheStream(t *testing.T) {
	tr := startRoom(t, 0, 0)
	b := newBrowser(t, tr)
	b.join(tr.r.Code(), "Ada")
	s := b.events()
	s.next(t, "event: view")
	tr.r.Close()
	ev := s.next(t, "event: end")
	for _, want := range []string{"The facilitator ended the meeting. Thank you for coming!", "Where you differed"} {
		if !strings.Contains(ev, want) {
			t.Errorf("the last event lacks %q:\n%s", want, ev)
		}
	}
	if strings.Contains(ev, "Join again") {
		t.Error("the goodbye of an ended meeting offers to join again")
	}
}

// The web door logs joins, wrong codes and refused forms by address, and
// never a name.
func TestTheLogHasAddressesNotNames(t *testing.T) {
	var log sshtest.SyncBuffer
	tr := startRoomWith(t, Config{Listen: "127.0.0.1:0", Log: &log, Grace: 10 * time.Millisecond})
	b := newBrowser(t, tr)
	b.post("/join", url.Values{"code": {"1"}, "name": {"Adelheid"}})
	b.join(tr.r.Code(), "Adelheid")
	b.post("/vote", url.Values{"token": {"nope"}})
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "stopped following") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	text := log.String()
	for _, want := range []string{"127.0.0.1", "wrong code", "joined from a browser", "without its page's token", "stopped following"} {
		if !strings.Contains(text, want) {
			t.Errorf("the log lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Adelheid") {
		t.Errorf("the log names a member:\n%s", text)
	}
}
