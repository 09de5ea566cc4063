package webdoor

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
	"studyguide/seeds"
)

// testRoom is a room with its web door on a random port of 127.0.0.1.
type testRoom struct {
	r    *room.Room
	deck *meeting.Deck
	srv  *Server
	base string
}

func startRoom(tb testing.TB, maxMembers int, grace time.Duration) *testRoom {
	tb.Helper()
	return startRoomWith(tb, Config{Listen: "127.0.0.1:0", Grace: grace}, maxMembers)
}

// startRoomWith is startRoom with the web door's config (and the room's
// size, 0 for the default).
func startRoomWith(tb testing.TB, cfg Config, maxMembers ...int) *testRoom {
	tb.Helper()
	max := 0
	if len(maxMembers) > 0 {
		max = maxMembers[0]
	}
	pack, err := seeds.Pack()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := room.New(room.Config{Pack: pack, MaxMembers: max})
	if err != nil {
		tb.Fatal(err)
	}
	deck := meeting.NewDeck(pack, 4, 1)
	if err := r.Show(deck.RoomStep(deck.Start(2))); err != nil {
		tb.Fatal(err)
	}
	srv, err := New(pack, r, deck, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve() }()
	tb.Cleanup(func() {
		r.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		if err := <-done; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	return &testRoom{r: r, deck: deck, srv: srv, base: "http://" + srv.Addr().String()}
}

// quizStep is the deck index of chapter 2's first quiz step.
func (tr *testRoom) quizStep() int {
	i := tr.deck.Start(2)
	for tr.deck.At(i).Kind != meeting.Quiz {
		i++
	}
	return i
}

func (tr *testRoom) show(tb testing.TB, i int) {
	tb.Helper()
	if err := tr.r.Show(tr.deck.RoomStep(i)); err != nil {
		tb.Fatal(err)
	}
}

// browser is an HTTP client with a cookie jar, as a phone's browser is,
// that follows no redirect by itself.
type browser struct {
	tb     testing.TB
	tr     *testRoom
	c      *http.Client
	last   string // the last page's body
	status int
}

func newBrowser(tb testing.TB, tr *testRoom) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{tb: tb, tr: tr, c: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(req *http.Request) *http.Response {
	b.tb.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	b.last, b.status = string(body), resp.StatusCode
	return resp
}

func (b *browser) get(path string) *http.Response {
	req, _ := http.NewRequest("GET", b.tr.base+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) *http.Response {
	req, _ := http.NewRequest("POST", b.tr.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// join joins with the code and a name, and reads the room's page.
func (b *browser) join(code, name string) {
	b.tb.Helper()
	if resp := b.post("/join", url.Values{"code": {code}, "name": {name}}); resp.StatusCode != http.StatusSeeOther {
		b.tb.Fatalf("join: %d\n%s", resp.StatusCode, b.last)
	}
	b.get("/room")
}

var tokenIn = regexp.MustCompile(`name="token" value="([0-9a-f]+)"`)

// token is the form token on the last page.
func (b *browser) token() string {
	b.tb.Helper()
	m := tokenIn.FindStringSubmatch(b.last)
	if m == nil {
		b.tb.Fatalf("no token on the page:\n%s", b.last)
	}
	return m[1]
}

func (b *browser) mustSee(texts ...string) {
	b.tb.Helper()
	for _, t := range texts {
		if !strings.Contains(b.last, t) {
			b.tb.Fatalf("the page lacks %q:\n%s", t, b.last)
		}
	}
}

// stream is a page's event stream.
type stream struct {
	resp   *http.Response
	events chan string
}

func (b *browser) events() *stream {
	b.tb.Helper()
	req, _ := http.NewRequest("GET", b.tr.base+"/events", nil)
	c := *b.c
	c.Timeout = 0
	resp, err := c.Do(req)
	if err != nil {
		b.tb.Fatal(err)
	}
	s := &stream{resp: resp, events: make(chan string, 64)}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var ev strings.Builder
		for sc.Scan() {
			l := sc.Text()
			if l == "" {
				if ev.Len() > 0 {
					s.events <- ev.String()
				}
				ev.Reset()
				continue
			}
			ev.WriteString(l + "\n")
		}
	}()
	b.tb.Cleanup(func() { resp.Body.Close() })
	return s
}

// next waits for an event holding text, and returns it.
func (s *stream) next(tb testing.TB, text string) string {
	tb.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				tb.Fatalf("the stream ended before %q", text)
			}
			if strings.Contains(ev, text) {
				return ev
			}
		case <-deadline:
			tb.Fatalf("no event with %q", text)
		}
	}
}

// pack is the room's pack.
func pack(tr *testRoom) *content.Pack { return tr.srv.pack }
