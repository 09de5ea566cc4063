package webdoor

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"studyguide/meeting"
)

// chrome is the browser the tests drive: $STUDYGUIDE_CHROME, else Debian's
// chromium-headless-shell or chromium on the PATH. Without one the browser
// tests skip, unless STUDYGUIDE_BROWSER=required (as .ci/run sets it).
func chrome(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("STUDYGUIDE_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium-headless-shell", "chromium", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("STUDYGUIDE_BROWSER") == "required" {
		t.Fatal("no browser: install Debian's chromium-headless-shell (apt install chromium-headless-shell)")
	}
	t.Skip("no browser here (apt install chromium-headless-shell); the browser tests are skipped")
	return ""
}

// phone is a browser tab at a phone's size (390x844, touch), its console
// errors collected.
func phone(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chrome(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true)}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatalf("starting the browser: %v", err)
	}
	return ctx
}

// run runs actions in the tab, failing the test at the first error.
func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for _, a := range actions {
		if err := chromedp.Do(ctx, a); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
}

// click taps an element, again if the page was redrawn under the tap (the
// room moved on as the member tapped), as a person taps again.
func click(t *testing.T, ctx context.Context, what, css string) {
	t.Helper()
	var err error
	for range 5 {
		if err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(css))); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: %v", what, err)
}

// waitText waits until the page's text holds text.
func waitText(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	js, _ := json.Marshal(text)
	deadline := time.Now().Add(15 * time.Second)
	for {
		// a page navigating (a form posted without the script) ends a
		// poll early: poll again
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!document.body && document.body.innerText.includes("+string(js)+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText : ''"))
			t.Fatalf("the page never said %q: %v\n%s", text, err, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// shoot saves a screenshot of the tab as name in $STUDYGUIDE_SCREENSHOTS
// (the docs' pictures are made so, and looked at), else in the test's
// temporary directory.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := os.Getenv("STUDYGUIDE_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A member joins from a phone by the QR code's link, follows the room,
// reads a glossary entry, votes, sees the reveal, votes on the sign, and
// keeps it all through a reload; every page passes the accessibility
// checks.
func TestPhoneJoinsFollowsAndVotes(t *testing.T) {
	ctx := phone(t)
	tr := startRoom(t, 0, 0)
	run(t, ctx, "opening the QR code's link", chromedp.Navigate(tr.base+"/?code="+tr.r.Code()), chromedp.WaitVisible(chromedp.ID("name")))
	waitText(t, ctx, "from the link")
	accessible(t, ctx, "the join page")
	shoot(t, ctx, "web-join.png")
	run(t, ctx, "joining", chromedp.SendKeys(chromedp.ID("name"), "Ada"), chromedp.Click(chromedp.CSS("button.primary")))
	waitText(t, ctx, "following the room")
	if fv := tr.r.FacilitatorView(); fv.Present != 1 || fv.Names[0] != "Ada" {
		t.Fatalf("the facilitator sees %d: %q", fv.Present, fv.Names)
	}

	// Two steps on, to a passage with a glossary term; tap it.
	at := tr.deck.Start(2)
	for k := 0; k < 2 || !hasTerm(tr, at); k++ {
		at++
		tr.show(t, at)
		waitText(t, ctx, tr.deck.Counter(at))
	}
	accessible(t, ctx, "a passage")
	run(t, ctx, "tapping a term", chromedp.Click(chromedp.CSS("#step a.term")), chromedp.WaitVisible(chromedp.CSS("dialog[open] #term-title")))
	waitText(t, ctx, "Used in:")
	shoot(t, ctx, "web-passage.png")
	run(t, ctx, "closing the entry", chromedp.Click(chromedp.CSS("dialog .close")))

	q := tr.quizStep()
	tr.show(t, q)
	sc := tr.deck.At(q).Scenario
	waitText(t, ctx, "NGO-like or Mass-organization-like?")
	accessible(t, ctx, "a vote")
	click(t, ctx, "voting", `button[value="ngo"]`)
	waitText(t, ctx, "● your vote")
	shoot(t, ctx, "web-vote.png")
	if c := tr.r.FacilitatorView().Item.Category; c.Voted != 1 || c.Of != 1 {
		t.Fatalf("the facilitator counts %d of %d", c.Voted, c.Of)
	}
	tr.r.Reveal(sc.ID)
	waitText(t, ctx, "You said NGO-like · the room: 1 NGO-like")
	accessible(t, ctx, "a reveal")
	shoot(t, ctx, "web-reveal.png")
	run(t, ctx, "reloading", chromedp.Reload())
	waitText(t, ctx, "You said NGO-like")
	if iv, _ := tr.r.Item(sc.ID); iv.Sign.Asked {
		waitText(t, ctx, "warning signs")
		// the ten signs' labels whole on a small phone (360 px): a label
		// wraps inside its button, never runs out of it or is cut
		run(t, ctx, "a small phone", chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch))
		cut, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.choices.sign button')]
			.filter(b => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > innerWidth)
			.map(b => b.innerText)`))
		if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.choices.sign button').length`)); err != nil || len(cut) > 0 || n != 10 {
			t.Errorf("at 360 px: %d sign buttons, cut: %q (%v)", n, cut, err)
		}
		shoot(t, ctx, "web-signs.png")
		run(t, ctx, "back to 390 px", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
		click(t, ctx, "voting on the sign", `.choices.sign button[value="`+pack(tr).Quiz.Signs[9].ID+`"]`)
		waitText(t, ctx, "● your vote")
		tr.r.Reveal(sc.ID)
		waitText(t, ctx, "You said "+pack(tr).Quiz.Signs[9].Label)
	}
	if fv := tr.r.FacilitatorView(); fv.Present != 1 {
		t.Errorf("after the reload %d in the room", fv.Present)
	}
	// The meeting ends and the server stops: the page still says goodbye.
	tr.r.Close()
	ctx2, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	tr.srv.Shutdown(ctx2)
	waitText(t, ctx, "Thank you for coming!")
}

// hasTerm says whether step i is a passage with a glossary term marked.
func hasTerm(tr *testRoom, i int) bool {
	if tr.deck.At(i).Kind != meeting.Passage {
		return false
	}
	for _, b := range tr.deck.Text(pack(tr), i).Blocks {
		if len(b.Terms) > 0 {
			return true
		}
	}
	return false
}

// accessible checks the page as a screen reader and a keyboard user meet
// it: every button and link named and reachable by the keyboard, every
// field labelled; and with axe-core ($STUDYGUIDE_AXE, the path of
// axe.min.js, as .ci/run installs it from npm), no serious or critical
// violation, text contrast among them.
func accessible(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('button, a, input:not([type=hidden])')]
		.filter(e => e.offsetParent !== null || e.closest('dialog[open]'))
		.filter(e => e.tabIndex < 0 || !((e.innerText || '').trim() || e.getAttribute('aria-label') || (e.labels && e.labels.length)))
		.map(e => e.outerHTML.slice(0, 120))`))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(bad) > 0 {
		t.Errorf("%s: unnamed or unreachable controls: %q", what, bad)
	}
	axe := os.Getenv("STUDYGUIDE_AXE")
	if axe == "" {
		return
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatalf("$STUDYGUIDE_AXE: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	// in the light scheme and the dark one (a phone at night)
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
			.filter(v => v.impact === 'serious' || v.impact === 'critical')
			.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.html.slice(0, 80)).join(' | ')))`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: running axe-core: %v", what, err)
		}
		for _, v := range out {
			t.Errorf("%s, %s scheme: %s", what, scheme, v)
		}
	}
	_, _ = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	if !strings.Contains(string(src), "axe") {
		t.Fatal("$STUDYGUIDE_AXE is not axe-core")
	}
}
