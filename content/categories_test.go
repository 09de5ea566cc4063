package content_test

import (
	"strings"
	"testing"

	"studyguide/content"
)

// The built-in quiz's two answers, in the order the quiz offers them (1 and
// 2), each with its own label: what a reader picks from.
func TestSeedCategories(t *testing.T) {
	b := loadSeeds(t).Quiz
	want := [][2]string{{"ngo", "NGO-like"}, {"mass", "Mass-organization-like"}}
	var got [][2]string
	for _, c := range b.Categories {
		got = append(got, [2]string{c.ID, c.Label})
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("categories %v; want %v", got, want)
	}
	if !strings.HasPrefix(b.Categories[0].Description, "The organization behaves the way the essay says grant-funded") ||
		!strings.HasPrefix(b.Categories[1].Description, "The organization behaves the way the essay says a mass organization") {
		t.Errorf("descriptions are not their categories': %q / %q", b.Categories[0].Description, b.Categories[1].Description)
	}
	if b.Question() != "NGO-like or Mass-organization-like?" || b.SignCategory().ID != "ngo" {
		t.Errorf("question %q, sign category %q", b.Question(), b.SignCategory().ID)
	}
}

// A pack's categories load in the file's order, each with its own label and
// description; a lookup by ID finds the right one, and the question names
// them in order.
func TestCategoriesLoadAsWritten(t *testing.T) {
	other := strings.NewReplacer("label: NGO-like", "label: Staff-run", "Staff steer.", "Paid staff decide.",
		"label: Mass-like", "label: Member-run", "Members steer.", "The members decide.").Replace(quizDefs)
	for _, c := range []struct {
		defs string
		want []content.Category
	}{
		{quizDefs, []content.Category{{ID: "ngo", Label: "NGO-like", Description: "Staff steer."}, {ID: "mass", Label: "Mass-like", Description: "Members steer."}}},
		{other, []content.Category{{ID: "ngo", Label: "Staff-run", Description: "Paid staff decide."}, {ID: "mass", Label: "Member-run", Description: "The members decide."}}},
	} {
		p, err := content.Load(quizPack(c.defs, "scenarios:\n"+ngoItem("a")+massItem("b")))
		if err != nil {
			t.Fatal(err)
		}
		got := p.Quiz.Categories
		if len(got) != 2 {
			t.Fatalf("%d categories", len(got))
		}
		for i, w := range c.want {
			if got[i].ID != w.ID || got[i].Label != w.Label || got[i].Description != w.Description {
				t.Errorf("category %d: %+v; want %+v", i+1, got[i], w)
			}
			if byID, ok := p.Quiz.Category(w.ID); !ok || byID.Label != w.Label {
				t.Errorf("Category(%q) = %+v, %v", w.ID, byID, ok)
			}
		}
		if q := p.Quiz.Question(); q != c.want[0].Label+" or "+c.want[1].Label+"?" {
			t.Errorf("question %q", q)
		}
	}
}
