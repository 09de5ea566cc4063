package webdoor

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"studyguide/internal/measure"
	"studyguide/internal/sshtest"
	"studyguide/meeting"
	"studyguide/room"
	"studyguide/seeds"
	"studyguide/sshdoor"
	"studyguide/tui"
)

// webMembers is how many web members the benchmarks seat.
const webMembers = 300

// benchRoom is a room served by both doors on 127.0.0.1: a headless SSH
// door (for the facilitator and SSH members) and the web door.
type benchRoom struct {
	*testRoom
	ssh     *sshdoor.Server
	sshAddr string
}

func startBenchRoom(b *testing.B, maxMembers int) *benchRoom {
	b.Helper()
	pack, _ := seeds.Pack()
	r, err := room.New(room.Config{Pack: pack, MaxMembers: maxMembers, FacilitatorCode: true})
	if err != nil {
		b.Fatal(err)
	}
	deck := meeting.NewDeck(pack, 4, 1)
	_ = r.Show(deck.RoomStep(deck.Start(2)))
	web, err := New(pack, r, deck, Config{Listen: "127.0.0.1:0"})
	if err != nil {
		b.Fatal(err)
	}
	ssh, err := sshdoor.New(pack, r, tui.DeckOf(deck), sshdoor.Config{Listen: "127.0.0.1:0",
		HostKey: filepath.Join(b.TempDir(), "hk"), ConnRate: rate.Inf, ConnBurst: 1})
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = web.Serve() }()
	go func() { _ = ssh.Serve() }()
	b.Cleanup(func() {
		r.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ssh.Shutdown(ctx)
		web.Shutdown(ctx)
	})
	return &benchRoom{testRoom: &testRoom{r: r, deck: deck, srv: web, base: "http://" + web.Addr().String()},
		ssh: ssh, sshAddr: fmt.Sprintf("127.0.0.1:%d", ssh.Info().Port)}
}

// webMember is a phone's page in a benchmark: joined, its event stream
// read as it comes, a text awaited in it.
type webMember struct {
	c     *http.Client
	base  string
	token string
	// raw, when open, is a connection votes are posted on by hand
	raw    net.Conn
	rawR   *bufio.Reader
	cookie string
	mu     sync.Mutex
	want   string
	got    chan time.Time
}

var tokenRE = regexp.MustCompile(`name="token" value="([0-9a-f]+)"`)

func joinWeb(tb testing.TB, base, code, name string) *webMember {
	tb.Helper()
	jar, _ := cookiejar.New(nil)
	// a transport of its own, as each phone has: its connections kept
	// alive for it (the shared default keeps two to a host)
	m := &webMember{c: &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}, base: base,
		got: make(chan time.Time, 1)}
	resp, err := m.c.PostForm(base+"/join", url.Values{"code": {code}, "name": {name}})
	if err != nil {
		tb.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	t := tokenRE.FindSubmatch(page)
	if t == nil {
		tb.Fatalf("%s did not get into the room: %d %.300s", name, resp.StatusCode, page)
	}
	m.token = string(t[1])
	ev, err := m.c.Get(base + "/events")
	if err != nil {
		tb.Fatal(err)
	}
	go m.read(ev.Body)
	return m
}

// read reads the event stream, marking the time the awaited text arrives.
func (m *webMember) read(body io.ReadCloser) {
	defer body.Close()
	r := bufio.NewReaderSize(body, 64<<10)
	for {
		line, err := r.ReadSlice('\n')
		if len(line) > 0 {
			m.mu.Lock()
			if m.want != "" && strings.Contains(string(line), m.want) {
				m.want = ""
				m.got <- time.Now()
			}
			m.mu.Unlock()
		}
		if err != nil && err != bufio.ErrBufferFull {
			return
		}
	}
}

func (m *webMember) expect(text string) <-chan time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.got = make(chan time.Time, 1)
	m.want = text
	return m.got
}

func (m *webMember) vote(scenario, option string) {
	if m.raw != nil {
		m.rawVote(scenario, option)
		return
	}
	m.post("/vote", url.Values{"token": {m.token}, "scenario": {scenario}, "poll": {"category"}, "option": {option}})
}

// dialRaw opens the connection a phone keeps to post on, written and read
// by hand: the benchmark's clients then take little of the CPU they share
// with the server.
func (m *webMember) dialRaw(tb testing.TB) {
	tb.Helper()
	u, _ := url.Parse(m.base)
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		tb.Fatal(err)
	}
	m.raw, m.rawR = c, bufio.NewReader(c)
	for _, ck := range m.c.Jar.Cookies(u) {
		m.cookie = ck.Name + "=" + ck.Value
	}
	tb.Cleanup(func() { c.Close() })
}

// rawVote posts a vote on the raw connection and reads the answer.
func (m *webMember) rawVote(scenario, option string) {
	body := url.Values{"token": {m.token}, "scenario": {scenario}, "poll": {"category"}, "option": {option}}.Encode()
	req := "POST /vote HTTP/1.1\r\nHost: x\r\nCookie: " + m.cookie + "\r\nX-Studyguide: fetch\r\n" +
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	if _, err := io.WriteString(m.raw, req); err != nil {
		return
	}
	for { // a 204: headers only
		line, err := m.rawR.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

// post posts a form as the page's script does.
func (m *webMember) post(path string, form url.Values) {
	req, _ := http.NewRequest("POST", m.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Studyguide", "fetch")
	if resp, err := m.c.Do(req); err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func seatWeb(b *testing.B, tr *testRoom, n int) []*webMember {
	b.Helper()
	ms := make([]*webMember, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			ms[i] = joinWeb(b, tr.base, tr.r.Code(), fmt.Sprintf("web %d", i))
		}()
	}
	wg.Wait()
	return ms
}

// awaitWeb collects each page's time to show the awaited text.
func awaitWeb(b *testing.B, chans []<-chan time.Time, start time.Time) []time.Duration {
	b.Helper()
	out := make([]time.Duration, 0, len(chans))
	for i, c := range chans {
		select {
		case at := <-c:
			out = append(out, at.Sub(start))
		case <-time.After(30 * time.Second):
			b.Fatalf("page %d never showed the step", i)
		}
	}
	return out
}

// A facilitator's step reaching every web member's event stream, with 300
// pages following the room.
func BenchmarkWebStepToEveryPage(b *testing.B) {
	tr := startRoom(b, 1000, 0)
	ms := seatWeb(b, tr, webMembers)
	var all []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := tr.deck.Start(2) + 1 + i%10
		chans := make([]<-chan time.Time, len(ms))
		for j, m := range ms {
			chans[j] = m.expect(tr.deck.Counter(k))
		}
		start := time.Now()
		tr.show(b, k)
		all = append(all, awaitWeb(b, chans, start)...)
	}
	b.StopTimer()
	measure.Latency(b, "step", all)
}

// 300 web members voting at once, each vote until the facilitator's
// screen (a driver over SSH, at the projector's frame rate) counts it.
func BenchmarkWebVotesOnFacilitatorScreen(b *testing.B) {
	tr := startBenchRoom(b, 1000)
	ms := seatWeb(b, tr.testRoom, webMembers)
	f := sshtest.Dial(b, tr.sshAddr, sshtest.DialOpts{W: 100, H: 40})
	f.WaitFor("Room code:")
	f.Press(tr.r.FacilitatorCode(), "enter")
	f.WaitFor(fmt.Sprintf("%d in the room", webMembers))
	for _, m := range ms { // a phone that has just loaded its page has a connection open to post on
		m.dialRaw(b)
	}
	var all []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for first := true; first || tr.r.FacilitatorView().Step.Scenario == ""; first = false {
			at := tr.r.FacilitatorView().Step.Index
			for range 10 {
				f.Press("right")
				for d := time.Now().Add(3 * time.Second); time.Now().Before(d) && tr.r.FacilitatorView().Step.Index == at; {
					time.Sleep(time.Millisecond)
				}
				if tr.r.FacilitatorView().Step.Index != at {
					break
				}
			}
		}
		sc := tr.r.FacilitatorView().Step.Scenario
		f.WaitFor(fmt.Sprintf("0 of %d voted", webMembers))
		measure.AtRest(b, time.Second)
		all = append(all, sshtest.VoteBurst(b, f, len(ms), func(j int) { ms[j].vote(sc, []string{"ngo", "mass"}[j%2]) })...)
		for tr.r.Reveal(sc) {
		}
		b.StartTimer()
	}
	b.StopTimer()
	measure.Latency(b, "vote", all)
}

// The join page's first byte, as a phone that scanned the code waits for
// it, with 300 members in the room.
func BenchmarkJoinPageFirstByte(b *testing.B) {
	tr := startRoom(b, 1000, 0)
	seatWeb(b, tr, webMembers)
	var all []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		start := time.Now()
		resp, err := c.Get(tr.base + "/?code=" + tr.r.Code())
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, time.Since(start)) // the headers: the first byte
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	b.StopTimer()
	measure.Latency(b, "first-byte", all)
}

// The server's memory for each web member following the room: the pages
// are in another process (this test binary, run as a client), so what the
// server holds is measured alone.
func BenchmarkWebMemberMemory(b *testing.B) {
	for i := 0; i < b.N; i++ {
		tr := startRoom(b, 1000, 0)
		base := measure.InUse()
		cmd := exec.Command(os.Args[0], "-test.run=^TestWebClientsProcess$")
		cmd.Env = append(os.Environ(), "STUDYGUIDE_WEB_CLIENTS="+tr.base+" "+tr.r.Code()+" "+strconv.Itoa(webMembers))
		out, _ := cmd.StdoutPipe()
		in, _ := cmd.StdinPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for sc.Scan() && !strings.Contains(sc.Text(), "ready") {
		}
		for deadline := time.Now().Add(30 * time.Second); tr.r.FacilitatorView().Present < webMembers; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				b.Fatalf("only %d pages joined", tr.r.FacilitatorView().Present)
			}
		}
		time.Sleep(200 * time.Millisecond)
		per := float64(measure.InUse()-base) / webMembers
		in.Close() // the clients end
		_ = cmd.Wait()
		b.ReportMetric(per/1024, "KB/member")
	}
}

// TestWebClientsProcess is the client side of BenchmarkWebMemberMemory:
// with $STUDYGUIDE_WEB_CLIENTS ("BASE CODE N") it joins N pages, says
// "ready", and holds them until its standard input closes.
func TestWebClientsProcess(t *testing.T) {
	spec := strings.Fields(os.Getenv("STUDYGUIDE_WEB_CLIENTS"))
	if len(spec) != 3 {
		t.Skip("the client side of BenchmarkWebMemberMemory")
	}
	n, _ := strconv.Atoi(spec[2])
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			joinWeb(t, spec[0], spec[1], fmt.Sprintf("page %d", i))
		}()
	}
	wg.Wait()
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// One member's page drawn afresh, as an event carries it: a passage with
// its terms, and a quiz step with the member's vote open.
func BenchmarkRenderPage(b *testing.B) {
	tr := startRoom(b, 1000, 0)
	m := joinWeb(b, tr.base, tr.r.Code(), "Ada")
	wm := tr.srv.memberOf(cookieRequest(tr, m))
	for _, step := range []struct {
		name string
		at   int
	}{{"passage", tr.deck.Start(2) + 14}, {"quiz", tr.quizStep()}} {
		tr.show(b, step.at)
		conn, _ := tr.srv.connect(wm)
		b.Run(step.name, func(b *testing.B) {
			for range b.N {
				if _, err := tr.srv.pages.fragment("live", tr.srv.roomView(wm, conn, "")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// cookieRequest is a request carrying a web member's cookie.
func cookieRequest(tr *testRoom, m *webMember) *http.Request {
	req, _ := http.NewRequest("GET", tr.base+"/room", nil)
	u, _ := url.Parse(tr.base)
	for _, c := range m.c.Jar.Cookies(u) {
		req.AddCookie(c)
	}
	return req
}

// A mixed room of 1,000: 700 pages and 300 SSH members (raw sessions that
// only read), a step until every one of them is sent it.
func BenchmarkMixedRoom(b *testing.B) {
	tr := startBenchRoom(b, 2000)
	web := seatWeb(b, tr.testRoom, 700)
	var ssh []*sshtest.RawMember
	for i := range 300 {
		ssh = append(ssh, sshtest.JoinRaw(b, tr.sshAddr, tr.r.Code(), fmt.Sprintf("ssh %d", i), nil))
	}
	for deadline := time.Now().Add(120 * time.Second); tr.r.FacilitatorView().Present < 1000; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatalf("%d of 1000 joined", tr.r.FacilitatorView().Present)
		}
	}
	measure.AtRest(b, time.Second)
	var webAll, sshAll []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := tr.deck.Start(2) + 1 + i%10
		wc := make([]<-chan time.Time, len(web))
		for j, m := range web {
			wc[j] = m.expect(tr.deck.Counter(k))
		}
		sc := make([]<-chan time.Time, len(ssh))
		for j, m := range ssh {
			sc[j] = m.Expect()
		}
		start := time.Now()
		tr.show(b, k)
		webAll = append(webAll, awaitWeb(b, wc, start)...)
		sshAll = append(sshAll, awaitWeb(b, sc, start)...)
		b.StopTimer()
		measure.AtRest(b, 500*time.Millisecond)
		b.StartTimer()
	}
	b.StopTimer()
	measure.Latency(b, "web-step", webAll)
	measure.Latency(b, "ssh-step", sshAll)
}
