"""Builds /tmp/set_g/nlu.json. Every sentence written by independent subagent G.
Entity tuples: (entity, value) or (entity, value, role). Sizes: value = text as written."""
import json, os

F = "family"; N = "negated"
def e(ent, val, role=None):
    d = {"entity": ent, "value": val}
    if role: d["role"] = role
    return d

C = []
def add(text, intent, ents, note):
    C.append({"text": text, "intent": intent,
              "entities": [e(*x) for x in ents], "note": note})

# ---- whose is it -------------------------------------------------------
add("my wife says my eyes look a bit yellow lately", "inform",
    [("symptom", "jaundice")], "whose: own sign reported by wife, no role")
add("my husband keeps telling me I'm confused today, I don't feel it", "inform",
    [("symptom", "confusion")], "whose: own sign via husband")
add("my daughter noticed I've gone yellowish round the eyes", "inform",
    [("symptom", "jaundice")], "whose: own sign via daughter")
add("partner thinks Ive lost weight, my jeans are hanging off me", "inform",
    [("symptom", "weight_loss")], "whose: own sign via partner")
add("My mother had breast cancer at 52.", "inform",
    [("condition", "breast_cancer", F)], "family history")
add("dad died of liver cancer in 2011", "inform",
    [("condition", "liver_cancer", F)], "family history, past")
add("Bowel cancer runs on my fathers side", "inform",
    [("condition", "colorectal_cancer", F)], "family history, bowel = colorectal")
add("my sister got diagnosed with PBC last year", "inform",
    [("condition", "primary_biliary_cholangitis", F)], "family, abbreviation")
add("grandad had cirrhosis from the drink", "inform",
    [("condition", "cirrhosis", F)], "family")
add("My brother has haemochromatosis, they found it when he was 40", "inform",
    [("condition", "hemochromatosis", F)], "family, British spelling")
add("my aunty had TB back home in Pakistan when she was young", "inform",
    [("condition", "tuberculosis", F)], "family, TB abbreviation")
add("everyone on mums side has had gallstones", "inform",
    [("condition", "gallstones", F)], "family")
add("my son's eyes went yellow when he had his hepatitis", "inform",
    [("symptom", "jaundice", F), ("condition", "hepatitis", F)],
    "a relative's own sign and condition: family")
add("My father had colon cancer and my mother had breast cancer, I have had neither", "inform",
    [("condition", "colorectal_cancer", F), ("condition", "breast_cancer", F)],
    "two family entries; 'neither' refers back, not a new mention")
add("both my older brothers had TB as kids in Lagos", "inform",
    [("condition", "tuberculosis", F)], "family, plural relatives")
add("my uncle kept fainting before they found his liver cancer", "inform",
    [("symptom", "fainting", F), ("condition", "liver_cancer", F)],
    "fainting said of someone else -> family")
add("my wife's mum had hepatitis C", "inform",
    [("condition", "hepatitis", F)], "in-law, family")
add("Writing on behalf of my father (he's 84): his stools have been black since yesterday", "inform",
    [("symptom", "black_stools")], "proxy writer: the case is the father's, no role")
add("I'm typing this for my mum. Her CT shows punctate calcifications in the liver and she had TB as a girl.", "inform",
    [("imaging", "ct"), ("pattern", "punctate"), ("finding", "calcification"), ("condition", "tuberculosis")],
    "proxy: the mother is the patient, so no family role")
add("asking for my husband, he cant type right now, he threw up blood an hour ago", "inform",
    [("symptom", "vomiting_blood")], "proxy, current red flag, patient's own")
add("my twin sister has a calcified granuloma in her liver as well", "inform",
    [("finding", "granuloma", F)], "a relative's own finding")

# ---- when --------------------------------------------------------------
add("I had TB as a teenager and took the tablets for 6 months", "inform",
    [("condition", "tuberculosis")], "own past history, no role")
add("had a liver abscess in 2015, they drained it", "inform",
    [("condition", "liver_abscess")], "own past")
add("I was jaundiced as a newborn, that's the only thing", "inform",
    [("symptom", "jaundice")], "own long-past sign, still no role")
add("I used to take amiodarone but stopped in 2019", "inform",
    [("medication", "amiodarone")], "past medication")
add("back in 2008 I had chemo for breast cancer", "inform",
    [("medication", "chemotherapy"), ("condition", "breast_cancer")], "own past cancer and chemo")
add("what if it turns out to be cancer?", "ask_seriousness",
    [("condition", "cancer")], "hypothetical, condition in a question has no role")
add("could it turn into liver cancer in the future", "ask_seriousness",
    [("condition", "liver_cancer")], "future, question")
add("is there a risk I'll end up with cirrhosis because of this?", "ask_seriousness",
    [("condition", "cirrhosis")], "future, question")
add("I had hepatitis A as a kid but got over it", "inform",
    [("condition", "hepatitis")], "own past resolved")
add("had my gallbladder out for gallstones in 2017", "inform",
    [("condition", "gallstones")], "own past")
add("I passed out once years ago giving blood, nothing since", "inform",
    [("symptom", "fainting")], "own long-past fainting, no role")
add("I fainted this morning in the shower", "inform",
    [("symptom", "fainting")], "own, now")
add("since last night I've had a temperature", "inform",
    [("symptom", "fever")], "own, recent")
add("if I got black stools would that mean something serious?", "ask_seriousness",
    [("symptom", "black_stools")], "hypothetical symptom in a question, no role")

# ---- how much and which way -------------------------------------------
add("the CT says 3 mm calcified granuloma, unchanged since 2019", "inform",
    [("imaging", "ct"), ("size", "3 mm"), ("finding", "granuloma"), ("change", "stable")], "size + stable")
add("0.4cm calcification in the right lobe on ultrasound", "inform",
    [("size", "0.4cm"), ("finding", "calcification"), ("imaging", "ultrasound")], "size without space")
add("it was 5 mm in 2020 and now its 9 mm so it has grown", "inform",
    [("size", "5 mm"), ("size", "9 mm"), ("change", "growing")], "two sizes compared")
add("Same as March 2021 according to the radiologist", "inform",
    [("change", "stable")], "same as <date> = stable")
add("the calcific focus has increased in size", "inform",
    [("finding", "calcification"), ("change", "growing")], "calcific focus = calcification")
add("there is a new calcification compared to the last CT", "inform",
    [("change", "new"), ("finding", "calcification"), ("imaging", "ct")], "new")
add("multiple scattered calcifications, the largest 6mm", "inform",
    [("pattern", "scattered"), ("finding", "calcification"), ("size", "6mm")], "number + size")
add("innumerable tiny punctate calcifications in the liver and spleen", "inform",
    [("pattern", "punctate"), ("finding", "calcification")], "innumerable is not a pattern value")
add("a single coarse calcification measuring 1.2 cm", "inform",
    [("pattern", "single"), ("pattern", "coarse"), ("finding", "calcification"), ("size", "1.2 cm")], "two patterns")
add("a few calcs, 2-3 mm each", "inform",
    [("finding", "calcification"), ("size", "2-3 mm")], "calcs = calcification, range")
add("the granuloma is about half a centimetre", "inform",
    [("finding", "granuloma"), ("size", "half a centimetre")], "size in words")
add("three millimetres, thats what the report says", "inform",
    [("size", "three millimetres")], "answer giving size in words")
add("stable compared with the MRI from 2018", "inform",
    [("change", "stable"), ("imaging", "mri")], "stable vs earlier MRI")
add("rim calcification around a 3 cm cyst", "inform",
    [("pattern", "rim"), ("finding", "calcification"), ("size", "3 cm"), ("finding", "cyst")], "rim")
add("its slightly smaller than before apparently", "inform",
    [], "shrinkage: not stable, not growing, no change entity")
add("no change from the 2017 CAT scan", "inform",
    [("change", "stable"), ("imaging", "ct")], "no change = stable, not negation; CAT scan = ct")
add("two calcified granulomas, 4 mm and 6 mm", "inform",
    [("finding", "granuloma"), ("size", "4 mm"), ("size", "6 mm")], "pair of sizes")
add("solitary 7 mm calcification in segment 8", "inform",
    [("pattern", "single"), ("size", "7 mm"), ("finding", "calcification")], "solitary = single")
add("The calcification was 1,1 cm in 2022 and is 1,6 cm now, so bigger", "inform",
    [("finding", "calcification"), ("size", "1,1 cm"), ("size", "1,6 cm"), ("change", "growing")],
    "European decimal comma, pair of sizes, bigger = growing")
add("my sonogram showed a few punctate calcifications", "inform",
    [("imaging", "ultrasound"), ("pattern", "punctate"), ("finding", "calcification")], "sonogram = ultrasound")

# ---- several things in one message -------------------------------------
add("I had TB when I was little, could that be what caused the calcium spots on my liver?", "ask_causes",
    [("condition", "tuberculosis"), ("finding", "calcification")], "fact + cause question")
add("ultrasound found a 7mm calcification. I'd like an appointment with a doctor to go over it please", "request_clinician",
    [("imaging", "ultrasound"), ("size", "7mm"), ("finding", "calcification")], "fact + request")
add("I take methotrexate for my psoriasis - could that be why my liver has calcifications?", "ask_causes",
    [("medication", "methotrexate"), ("finding", "calcification")], "medication + cause question")
add("scan showed a granuloma and my mum had bowel cancer, should I be worried?", "ask_seriousness",
    [("finding", "granuloma"), ("condition", "colorectal_cancer", F)], "fact + family + seriousness")
add("I'm on amiodarone and my CT showed punctate calcifications, what would the doctor check next?", "ask_diagnosis",
    [("medication", "amiodarone"), ("imaging", "ct"), ("pattern", "punctate"), ("finding", "calcification")], "facts + test question")
add("Got my MRI back - stable calcified granuloma. No idea what that means tbh", "ask_what_is",
    [("imaging", "mri"), ("change", "stable"), ("finding", "granuloma")], "facts + indirect meaning question")
add("the calcifications are new since last year and I've lost weight, can I see a specialist soon?", "request_clinician",
    [("finding", "calcification"), ("change", "new"), ("symptom", "weight_loss")], "facts + request")
add("No fever or pain, but what is a calcified granuloma exactly?", "ask_what_is",
    [("symptom", "fever", N), ("symptom", "abdominal_pain", N), ("finding", "granuloma")], "negations + meaning question")
add("Im 60, had hep C years ago, now theres calcification on my CT - do they usually treat that?", "ask_treatment",
    [("condition", "hepatitis"), ("finding", "calcification"), ("imaging", "ct")], "facts + treatment question")
add("I have PBC and now a calcified granuloma too, please can someone ring me", "request_clinician",
    [("condition", "primary_biliary_cholangitis"), ("finding", "granuloma")], "facts + request")

# ---- the question that was asked ---------------------------------------
add("I keep wondering how something like this ends up in someone's liver", "ask_causes", [], "indirect cause question")
add("where do these calcium deposits even come from", "ask_causes",
    [("finding", "calcification")], "calcium deposits = calcification")
add("is there a way they can tell what it is without cutting me open", "ask_diagnosis", [], "indirect tests question")
add("would they need to do a biopsy", "ask_diagnosis", [], "tests")
add("do they normally take these out or just leave them", "ask_treatment", [], "indirect treatment")
add("is there a tablet that dissolves calcification", "ask_treatment",
    [("finding", "calcification")], "treatment")
add("can you put in plain english what punctate means", "ask_what_is",
    [("pattern", "punctate")], "meaning of a word")
add("my report uses the word granuloma and I have no clue", "ask_what_is",
    [("finding", "granuloma")], "indirect meaning question, no question mark")
add("Be honest with me, is this the start of something bad", "ask_seriousness", [], "indirect seriousness")
add("I can't sleep. is it cancer?? please just tell me", "ask_seriousness",
    [("condition", "cancer")], "anxious, condition in question, no role")
add("could this be from histoplasmosis?", "ask_causes",
    [("condition", "histoplasmosis")], "condition in a question, no role")
add("Will I need an operation", "ask_treatment", [], "treatment")
add("which blood tests should I ask my GP for", "ask_diagnosis", [], "tests")
add("how dangerous are liver calcifications generally", "ask_seriousness",
    [("finding", "calcification")], "seriousness")
add("can you go through my scan results with me", "start_assessment", [], "start")
add("I got a letter about my ultrasound and I want to understand it", "start_assessment",
    [("imaging", "ultrasound")], "start, indirect")
add("Could a hydatid cyst cause this?", "ask_causes",
    [("condition", "echinococcosis")], "hydatid cyst = echinococcosis alone")
add("is it something I'll have to live with or can they fix it", "ask_treatment", [], "indirect treatment")
add("would an MRI show more than the CT did?", "ask_diagnosis",
    [("imaging", "mri"), ("imaging", "ct")], "tests")
add("does PBC cause calcifications?", "ask_causes",
    [("condition", "primary_biliary_cholangitis"), ("finding", "calcification")], "cause question")
add("Dear Sir, I should be grateful if you would explain to me the meaning of the term 'calcified granuloma'.", "ask_what_is",
    [("finding", "granuloma")], "elderly formal")
add("how worried should i be honestly", "ask_seriousness", [], "seriousness, lower case")
add("what made my liver do this", "ask_causes", [], "indirect cause")
add("please help me make sense of my CT report", "start_assessment",
    [("imaging", "ct")], "start")

# ---- answers taken for something else ----------------------------------
add("no", "deny", [], "short answer")
add("not that I know", "deny", [], "short answer")
add("nope none of that", "deny", [], "short answer")
add("yes a bit", "affirm", [], "short affirm")
add("never had it", "deny", [], "short denial")
add("yep", "affirm", [], "short affirm")
add("I think so, yes", "affirm", [], "hedged affirm")
add("no, never had cancer", "inform",
    [("condition", "cancer", N)], "denial with an entity is inform with negated role (as sample 'No history of cancer...')")
add("no but my dad had cirrhosis", "inform",
    [("condition", "cirrhosis", F)], "answer with extra fact about a relative")
add("sorry, it was an MRI, not the other one", "inform",
    [("imaging", "mri")], "correction")
add("sorry I meant ultrasound", "inform",
    [("imaging", "ultrasound")], "correction")
add("no fever, no yellowing, nothing like that", "inform",
    [("symptom", "fever", N), ("symptom", "jaundice", N)], "denial list")
add("yes I've had hepatitis B since I was born", "inform",
    [("condition", "hepatitis")], "affirm with fact")
add("not that I'm aware of, nobody in my family has had liver problems", "deny", [], "denial, no listed entity")
add("nah mate", "deny", [], "British colloquial")

# ---- reported speech and pasted notes ----------------------------------
add("Denies fever, jaundice or weight loss.", "inform",
    [("symptom", "fever", N), ("symptom", "jaundice", N), ("symptom", "weight_loss", N)], "clinical 'denies' scope over list")
add("No focal mass. Few punctate calcifications in the right lobe.", "inform",
    [("finding", "mass", N), ("pattern", "punctate"), ("finding", "calcification")], "negation scope ends at sentence")
add("IMPRESSION: Tiny calcified granuloma, of doubtful significance.", "inform",
    [("finding", "granuloma")], "pasted impression")
add("the doctor asked if I'd had black stools and I said no", "inform",
    [("symptom", "black_stools", N)], "reported question answered no")
add("Hepatic calcifications, likely related to prior histoplasmosis.", "inform",
    [("finding", "calcification"), ("condition", "histoplasmosis")], "pasted")
add("FINDINGS: The liver is normal in size. 3 mm calcific focus in segment VII, unchanged from prior CT of 2020. No biliary dilatation.", "inform",
    [("size", "3 mm"), ("finding", "calcification"), ("change", "stable"), ("imaging", "ct")], "pasted findings")
add("the consultant said there's no sign of cancer", "inform",
    [("condition", "cancer", N)], "reported negation")
add("GP asked about itching and tiredness and I told her I've got both", "inform",
    [("symptom", "itching"), ("symptom", "fatigue")], "reported question answered yes")
add("Pt denies abdominal pain. Hx of TB 1998.", "inform",
    [("symptom", "abdominal_pain", N), ("condition", "tuberculosis")], "negation does not carry to next sentence")
add("the radiologist wrote no suspicious features and no mass", "inform",
    [("finding", "mass", N)], "reported negation")
add("My letter says: no evidence of cirrhosis.", "inform",
    [("condition", "cirrhosis", N)], "pasted negation")
add("she asked whether anyone in my family had liver cancer and I said my grandmother did", "inform",
    [("condition", "liver_cancer", F)], "reported question, family yes")
add("Coarse calcification within a hydatid cyst, CE5.", "inform",
    [("pattern", "coarse"), ("finding", "calcification"), ("condition", "echinococcosis")], "hydatid cyst = echinococcosis alone")
add("the nurse asked if I was on methotrexate and I'm not", "inform",
    [("medication", "methotrexate", N)], "reported question, denied")
add("Ultrasound abdomen report: 'No gallstones. Scattered hepatic calcifications.'", "inform",
    [("imaging", "ultrasound"), ("condition", "gallstones", N), ("pattern", "scattered"), ("finding", "calcification")],
    "pasted; negation ends at the full stop")

# ---- urgency words, red flags ------------------------------------------
add("threw up blood twice tonight", "inform", [("symptom", "vomiting_blood")], "emergency sign")
add("my poo is like black tar since monday", "inform", [("symptom", "black_stools")], "emergency sign")
add("the pain came on suddenly and its the worst ive ever had", "inform",
    [("symptom", "severe_abdominal_pain")], "sudden worst pain")
add("I collapsed at work this afternoon", "inform", [("symptom", "fainting")], "collapse")
add("I've been having thoughts of killing myself since the scan", "inform",
    [("symptom", "suicidal_thoughts")], "suicidal thoughts")
add("I've got a fever and pain under my right ribs", "inform",
    [("symptom", "fever"), ("symptom", "abdominal_pain")], "fever + pain")
add("lost 10 kilos without trying", "inform", [("symptom", "weight_loss")], "weight loss")
add("my tummy is massively swollen", "inform", [("symptom", "swollen_abdomen")], "swollen abdomen")
add("itchy all over, worse at night", "inform", [("symptom", "itching")], "itching")
add("so tired I can barely get out of bed", "inform", [("symptom", "fatigue")], "fatigue")
add("I feel really drowsy today", "inform", [("symptom", "confusion")], "drowsiness counts as confusion")
add("my skin has a yellow tinge", "inform", [("symptom", "jaundice")], "jaundice")
add("dull ache in my right side on and off", "inform", [("symptom", "abdominal_pain")], "abdominal pain")
add("I get pain after eating greasy food", "inform",
    [("symptom", "pain_after_fatty_meals")], "pain after fatty meals alone")
add("is black poo a bad sign?", "ask_seriousness", [("symptom", "black_stools")], "symptom in a question, no role")
add("no blood in my sick and no black poo", "inform",
    [("symptom", "vomiting_blood", N), ("symptom", "black_stools", N)], "both denied")

# ---- other intents -----------------------------------------------------
add("hiya", "greet", [], "greet")
add("Good morning", "greet", [], "greet")
add("thanks so much, that really helps", "thank", [], "thank")
add("cheers", "thank", [], "thank, British")
add("bye for now", "goodbye", [], "goodbye")
add("am I talking to a bot?", "bot_challenge", [], "bot challenge")
add("is this a real person or a computer", "bot_challenge", [], "bot challenge")
add("what's the weather like in Leeds tomorrow", "out_of_scope", [], "out of scope")
add("can you recommend a good pizza place", "out_of_scope", [], "out of scope")
add("Can I speak to an actual doctor", "request_clinician", [], "request")
add("How do I get referred to a liver specialist?", "request_clinician", [], "request")
add("ok thats all for now, take care", "goodbye", [], "goodbye")
add("what does 'of doubtful significance' mean on my report", "ask_what_is", [], "meaning of report phrase")
add("whats the difference between a granuloma and a calcification", "ask_what_is",
    [("finding", "granuloma"), ("finding", "calcification")], "meaning, two findings named in a question")

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nlu.json")
    texts = [c["text"] for c in C]
    assert len(texts) == len(set(texts)), "duplicate text"
    json.dump(C, open(out, "w"), indent=1, ensure_ascii=False)
    print(len(C), "nlu cases")
