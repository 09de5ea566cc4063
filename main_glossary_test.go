package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestGlossaryPrintsAnEntry(t *testing.T) {
	for _, q := range []string{"institutional isomorphism", "Institutional Isomorphism", "isomorphism"} {
		out, err := run(t, "glossary", q)
		if err != nil {
			t.Fatalf("glossary %q: %v", q, err)
		}
		if !strings.HasPrefix(out, "institutional isomorphism (concept)") ||
			!strings.Contains(out, "Oyakawa") || !strings.Contains(out, "6. Institutional isomorphism") {
			t.Fatalf("glossary %q printed:\n%s", q, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if len([]rune(l)) > 80 {
				t.Fatalf("line wider than 80 in a pipe: %q", l)
			}
		}
	}
}

func TestGlossaryListsEveryTerm(t *testing.T) {
	out, err := run(t, "glossary")
	if err != nil {
		t.Fatal(err)
	}
	pack, _ := loadPack()
	for _, term := range pack.Glossary.Terms {
		if !strings.Contains(out, term.Term) {
			t.Errorf("list lacks %q", term.Term)
		}
	}
}

func TestGlossaryJSON(t *testing.T) {
	out, err := run(t, "glossary", "501c4", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var e struct {
		Term, Definition string
		Chapters         []struct{ Number int }
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.Term != "501(c)(4)" || e.Definition == "" || len(e.Chapters) == 0 {
		t.Fatalf("json entry: %v %+v\n%s", err, e, out)
	}
	out, err = run(t, "glossary", "--json")
	var list []struct{ Term, Kind string }
	if err != nil || json.Unmarshal([]byte(out), &list) != nil || len(list) < 55 {
		t.Fatalf("json list: %v, %d entries", err, len(list))
	}
}

func TestGlossaryUnknownTermSuggests(t *testing.T) {
	_, err := run(t, "glossary", "isomorfism")
	if err == nil || !strings.Contains(err.Error(), `did you mean "institutional isomorphism"?`) {
		t.Fatalf("want a did-you-mean error, got %v", err)
	}
	_, err = run(t, "glossary", "qqqqzzzz")
	if err == nil || !strings.Contains(err.Error(), "studyguide glossary") {
		t.Fatalf("want an error pointing at the list, got %v", err)
	}
}

func TestPlanPrintsEveryChapterInMeetings(t *testing.T) {
	out, err := run(t, "plan", "--width", "60")
	if err != nil {
		t.Fatal(err)
	}
	pack, _ := loadPack()
	for _, ch := range pack.Chapters {
		if !strings.Contains(out, ch.Title) {
			t.Errorf("plan lacks chapter %q", ch.Title)
		}
	}
	if !strings.Contains(out, "Meeting 1 — ") || !strings.Contains(out, "Passage (chapter 1, paragraph 6)") {
		t.Fatalf("plan:\n%.600s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 60 {
			t.Fatalf("line wider than 60: %q", l)
		}
	}
}
