"""Builds /tmp/set_g/vignettes.json. Every sentence written by independent subagent G.
Gold triage and causes derived from /work/shared/CLINICAL_NOTES.md; reason in each note.
Protocol reminder: after the messages the judge answers "no" to any remaining question,
so anything not mentioned is taken as absent."""
import json, os

V = []
def v(id_, msgs, triage, causes, note):
    V.append({"id": "g-" + id_, "messages": msgs, "triage": triage,
              "causes_top3_any": causes, "note": note})

EM, SO, RO, RE = "emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"
GI = ["granulomatous_infection"]

# ======================= EMERGENCY =======================================
v("e-blacktar-late", [
  "hi, got my CT back. it says 'a few punctate hepatic calcifications, likely granulomatous'. what does that mean",
  "no ive never had cancer",
  "oh and prob nothing but my poo has been black and sticky like tar since sunday, does that matter?"],
  EM, [], "emergency: black sticky stools since Sunday (NHS 'bloody or black, sticky poo'), said late and inside a question; benign-sounding calcification does not lower it")
v("e-daughter-muddled", [
  "My daughter is typing this for me. I am 74 and the scan showed calcified granulomas in my liver.",
  "She says I have been muddled and very sleepy since yesterday and I keep asking the same things over and over. I feel alright myself."],
  EM, [], "emergency: new confusion/drowsiness (NHS cirrhosis/999 guidance: acute confused state); the user's own sign reported by a relative stays the user's")
v("e-vomit-question", [
  "ultrasound found calcification on my liver",
  "is that why i threw up blood this morning?? it was bright red"],
  EM, [], "emergency: vomiting blood this morning, stated inside a question")
v("e-triad-cirrhosis", [
  "I've got cirrhosis (alcohol, dry 3 yrs) and the CT mentioned calcs in the liver",
  "Since last night I've had a high temp, pain under my right ribs and my wife says my eyes have gone yellow"],
  EM, [], "emergency: fever + right-upper pain + jaundice together (possible cholangitis, all three = emergency); jaundice reported by wife is the user's own")
v("e-faint-today", [
  "Had a CT last week which showed a small calcified granuloma in the liver. Nothing else of note.",
  "This morning I passed out in the kitchen, was out for maybe a minute. Feel ok now. Can I just wait for my GP appointment on the 14th?"],
  EM, [], "emergency: lost consciousness today, even though came round (NHS when to call 999); the wish to wait does not change it")
v("e-worst-pain", [
  "sudden terrible pain in my stomach started about an hour ago, worst ive ever had. i had an ultrasound in may that showed liver calcification, is it that?"],
  EM, [], "emergency: sudden, severe, worst-ever abdominal pain (NHS stomach ache page)")
v("e-proxy-coffee", [
  "Writing for my dad (82, doesn't do computers). His CT report says: 'Coarse calcification in the right lobe of the liver, of doubtful significance.'",
  "Tonight he was sick and it looked like coffee grounds. He says he's fine and wants to go to bed."],
  EM, [], "emergency: vomit like ground coffee (NHS); writer typing for father, so the case is the father's")
v("e-nonnative-confuse", [
  "Hello doctor. My CT is showing many small calcification in liver. I had TB when I am young in Philippines.",
  "Today I feel very confuse and sleepy, my son say I am talking strange since morning, this is not normal for me"],
  EM, [], "emergency: new confusion and drowsiness since this morning, confirmed by son; past TB irrelevant to urgency")
v("e-suicidal-act", [
  "the report says calcified granuloma and everyone keeps telling me its nothing",
  "but i cant cope anymore. ive been thinking about ending my life and tonight i feel like i might actually do it"],
  EM, [], "emergency: suicidal thoughts with a feeling of acting on them tonight -> emergency number/ED (NHS help for suicidal thoughts)")
v("e-fainted-twice", [
  "CT abdo showed scattered calcifications in the liver",
  "no i dont have cancer. but i fainted twice at work this afternoon, my coworkers think i just need to eat something"],
  EM, [], "emergency: fainted twice today, given as extra fact inside an answer; a lay explanation does not lower it")
v("e-pasted-denies-black", [
  "From my clinic letter: 'CT: punctate calcification segment 6, likely old granuloma. Denies fever, jaundice or weight loss.'",
  "That was 3 weeks ago. Since yesterday though my stools are black, I haven't taken iron or anything."],
  EM, [], "emergency: black stools since yesterday; the pasted denials are from three weeks ago and do not cover the new sign")
v("e-letter-red-blood", [
  "Dear Sir or Madam,\nI write concerning the ultrasound examination of my abdomen performed on the 3rd of this month, which reported 'a solitary calcific focus in the liver'. I was given to understand that it was of no consequence.\nI should perhaps add that on two occasions this evening I have brought up bright red blood. I did not wish to trouble anybody at this hour.\nYours faithfully,\nE. Whitcombe (Mrs)"],
  EM, [], "emergency: vomiting bright red blood twice this evening, mentioned as an afterthought in a formal letter")
v("e-wife-husband-drowsy", [
  "my husband has cirrhosis and his last scan showed calcification in the liver",
  "today he's so drowsy I can hardly wake him and he didn't know what day it was. should we wait for his liver clinic on thursday?"],
  EM, [], "emergency: new drowsiness/confusion in cirrhosis (NHS cirrhosis guidance); wife writing for husband, case is the husband's")
v("e-triad-split", [
  "the CT said calcific foci in the liver, maybe old stones?",
  "yes a bit of pain, under the right side",
  "and I've got a temperature of 39 and my mum reckons I look yellow"],
  EM, [], "emergency: fever + right-sided pain + jaundice spread over answers; 'yes a bit' carries the pain; mother reports the user's own jaundice")
v("e-tender-sudden", [
  "I'm 45, CT last month found a calcified granuloma in my liver.",
  "Since about 2 hours ago the pain in my belly is really bad, came on all of a sudden and I can't even touch it"],
  EM, [], "emergency: sudden severe pain, painful to touch (NHS stomach ache page)")
v("e-whatif-current", [
  "what if the black stools ive had since tuesday are from this calcification thing? the ct said small calcified granuloma"],
  EM, [], "emergency: 'what if' wording but the black stools are current (since Tuesday), not hypothetical")

# ======================= SEE CLINICIAN SOON ==============================
v("s-wife-yellow", [
  "Ultrasound last month showed a 4mm calcification in my liver, doc said probably nothing",
  "my wife says the whites of my eyes have looked yellow the last few days. i cant really see it myself. no pain, no temperature"],
  SO, [], "soon: new jaundice without fever or pain -> urgent medical advice (NHS), not the full triad; own sign reported by wife")
v("s-growth-pair", [
  "CT 2019: 4 mm calcified focus segment 7. CT this month: same focus now 9 mm. Is that a problem?"],
  SO, [], "soon: growth 4 -> 9 mm is a concern feature (ACR white paper) -> prompt review; 'same focus' names the lesion, not stability")
v("s-colon-new", [
  "had my bowel cancer op in 2022, the surveillance CT shows two new calcified spots in the liver which weren't there on the last one",
  "oncology follow up isn't until august"],
  SO, ["hepatic_metastases"], "soon: known colorectal cancer + new liver calcifications (colorectal metastases calcify in 10-27%)")
v("s-weightloss", [
  "I've lost about 8kg since Christmas and I haven't been dieting at all",
  "the scan they did to look into it found some calcifications in my liver. what could that be"],
  SO, [], "soon: unintentional weight loss -> prompt review (NICE NG12)")
v("s-swollen", [
  "my belly's gone really swollen over the last couple of weeks, people keep asking if I'm pregnant (I'm not)",
  "CT showed calcification of the liver and some fluid. I'm 58."],
  SO, [], "soon: swollen abdomen -> prompt review")
v("s-fever-pain", [
  "temp 38.6 since yesterday and an ache under my right ribs that won't go away",
  "no I'm not yellow, I checked in the mirror. the ultrasound in january showed a calcified granuloma"],
  SO, [], "soon: fever with right-upper pain is enough to act on (possible cholangitis, TG13); jaundice denied so not the full triad")
v("s-mass-pasted", [
  "Pasting my report: 'IMPRESSION: 2.3 cm ill-defined soft-tissue mass in segment IV with internal calcification. Further characterisation with MRI recommended.'",
  "What does this mean? They haven't called me yet."],
  SO, [], "soon: associated soft-tissue mass with ill-defined margins (ACR concern features) -> prompt review")
v("s-proxy-mum-yellow", [
  "im asking for my mum shes 69 and doesnt use the internet",
  "her skin has gone yellowish this week and her wee is dark. CT back in march said punctate calcification of the liver",
  "no fever, no tummy pain"],
  SO, [], "soon: new jaundice in the patient (mother, proxy writer) without fever or pain")
v("s-new-nocancer", [
  "My CT in 2021 was completely clear. This new one from last week says 'new calcified focus in the right hepatic lobe, 5 mm'.",
  "No cancer, no liver disease, I feel fine."],
  SO, [], "soon: a new lesion -> prompt review (CLINICAL_NOTES red flags) even without risk factors")
v("s-breast-staging", [
  "I was diagnosed with breast cancer last month. The staging CT mentions 'several small calcifications in the liver, indeterminate'.",
  "Is it spread? My next appointment is in 5 weeks and I'm terrified"],
  SO, ["hepatic_metastases"], "soon: known cancer that spreads to the liver + indeterminate liver calcifications (high-risk person, ACR); metastases first for known cancer")
v("s-weight-in-question", [
  "had a sonogram, they saw calcified granulomas in my liver",
  "is it normal to lose weight with this? ive dropped like a stone and a half since the summer and im not even trying"],
  SO, [], "soon: unintentional weight loss given inside a question")
v("s-correction-growing", [
  "my ct says the calcification is stable so thats good right",
  "sorry I read it wrong. it actually says 'interval increase in size of the calcified focus, now 12 mm (previously 7 mm)'"],
  SO, [], "soon: correction replaces 'stable' with growth 7 -> 12 mm -> prompt review")
v("s-pbc-jaundice", [
  "I have PBC, on ursodeoxycholic acid, and my MRI showed a few small calcifications.",
  "The itching's always been there but this week my eyes are going yellow."],
  SO, ["rare_metabolic"], "soon: new jaundice (NHS urgent advice); PBC is the likely cause of calcification; itching long-standing")
v("s-ovarian-growing", [
  "history of ovarian cancer (2020, surgery + chemo). CT now: hepatic calcifications increased in number and size compared with 2023."],
  SO, ["hepatic_metastases"], "soon: known ovarian cancer (mucinous metastases calcify) + growing lesions")
v("s-hydatid-growing", [
  "they told me its a hydatid cyst with a calcified rim",
  "it was 4 cm in 2021 and the new ultrasound says 5.5 cm"],
  SO, ["hydatid_cyst"], "soon: hydatid cyst that is growing; calcification does not prove inactivity (WHO-IWGE), active cysts need treatment")
v("s-nonnative-fever", [
  "Good evening. I have fever from 2 days and pain in right side under ribs.",
  "The ultrasound doctor say before there is calcification in liver. Is it dangerous? I am not yellow."],
  SO, [], "soon: fever with right-upper pain, no jaundice -> act on it, not the full triad")
v("s-multi-request", [
  "CT showed rim calcification around a cyst in my liver. Also I've lost 6kg in 3 months without trying. What is it, what tests will they do, and can I see someone quickly?"],
  SO, ["cystic_lesion", "hydatid_cyst"], "soon: unintentional weight loss; facts + two questions + request in one message; rim-calcified cyst")
v("s-proxy-husband-swollen", [
  "typing for my husband, Raj, 63. His tummy has swelled up a lot over 3 weeks and his trousers don't close.",
  "His CT showed calcification in the liver. He also has hepatitis B."],
  SO, ["chronic_liver_disease"], "soon: swollen abdomen in the patient (husband, proxy writer); chronic hepatitis as likely cause")
v("s-amio-yellow", [
  "Been on amiodarone for AF for 4 years, CT showed liver calcifications",
  "yes a bit yellow in the eyes since last week, my GP said to mention it"],
  SO, ["drug_related"], "soon: new jaundice lifts the amiodarone case above routine; no fever or pain")

# ======================= SEE CLINICIAN ROUTINE ===========================
v("r-mtx-ra", [
  "ive been on methotrexate for my rheumatoid for 6 years and the ultrasound picked up some small calcifications in the liver",
  "nope none of that"],
  RO, ["drug_related"], "routine: methotrexate (drug reaction cause) without red flags -> raise with prescriber/doctor")
v("r-amio-letter", [
  "To whom it may concern. I am a retired schoolmaster of 79 years. I have taken amiodarone since my heart operation in 2016. A recent CAT scan of the abdomen has shown what the report calls 'punctate calcification of the liver'. I have no pain and my appetite is good. I would be obliged for your opinion as to whether the tablets are responsible."],
  RO, ["drug_related"], "routine: amiodarone without red flags (as sample)")
v("r-cirrhosis-surveillance", [
  "I have alcohol-related cirrhosis, I'm under the liver clinic and get scans every 6 months",
  "the report mentions a small calcification which they say was there on the previous scans too. no bleeding, no confusion, no swelling. I feel the same as usual"],
  RO, ["chronic_liver_disease"], "routine: known cirrhosis under surveillance, calcification not new, red flags denied -> raise with hepatology")
v("r-hepb-birth", [
  "I have had hep B since birth (my mom had it too), on tenofovir",
  "ultrasound shows a couple of tiny calcifications, otherwise fine"],
  RO, ["chronic_liver_disease"], "routine: chronic hepatitis B without red flags; mother's hepatitis is family history")
v("r-hepc", [
  "hep c, diagnosed last year, treatment not started yet. CT found liver calcification. no symptoms at all"],
  RO, ["chronic_liver_disease"], "routine: chronic hepatitis C without red flags")
v("r-haemochromatosis", [
  "I have haemochromatosis and have venesections every three months. My MRI mentioned calcification in the liver.",
  "not that I know"],
  RO, ["rare_metabolic"], "routine: hemochromatosis (rare metabolic cause, high-risk group) without red flags")
v("r-pbc-itch", [
  "PBC here (diagnosed 2018, on urso). new ultrasound report mentions scattered calcifications but says they were on the old one too. I'm itchy as usual, nothing new, no yellowing"],
  RO, ["rare_metabolic"], "routine: PBC, calcifications not new, itching long-standing, jaundice denied; 'new' describes the report")
v("r-cyst-wall", [
  "The ultrasound found a 2 cm cyst in my liver with a thin calcified wall. The radiologist has suggested another ultrasound in 6 months.",
  "I've never lived on a farm or around sheep if that matters. no symptoms"],
  RO, ["cystic_lesion", "hydatid_cyst"], "routine: cyst with calcified wall, follow-up imaging advised, no concern features or red flags")
v("r-mtx-psoriasis-tired", [
  "methotrexate 15mg weekly for psoriasis. CT found calcifications in the liver. I'm a bit tired but I've always been, no other problems"],
  RO, ["drug_related"], "routine: methotrexate; long-standing tiredness is not a red flag")
v("r-indeterminate-followup", [
  "report says: 'Indeterminate 8 mm partially calcified hepatic lesion. Recommend follow-up CT in 6 months.'",
  "no history of anything, no symptoms. should I do something before then?"],
  RO, [], "routine: radiologist-advised follow-up, no mass, growth or red flag -> keep the follow-up with the ordering doctor")
v("r-hepb-proxy-nonnative", [
  "I write for my mother, she is 71, she don't speak english. She have hepatitis B many years. Ultrasound say calcification in liver small.",
  "She has no pain, no yellow, she eat normal."],
  RO, ["chronic_liver_disease"], "routine: patient (mother, proxy) has chronic hepatitis B, no red flags")
v("r-nash-tired", [
  "got NASH cirrhosis, tired a lot but thats been going on for ages. CT for my kidneys saw liver calcs"],
  RO, ["chronic_liver_disease"], "routine: cirrhosis, long-standing fatigue only, no red flags")
v("r-amio-stopped-multi", [
  "I was on amiodarone till last year. MRI shows calcific foci in the liver. could the amiodarone do that, would stopping it make them go, and should I tell my cardiologist?"],
  RO, ["drug_related"], "routine: past amiodarone; several questions in one message; no red flags")
v("r-hemo-family", [
  "My brother and I both have haemochromatosis. My CT showed a few calcifications in the liver, my ferritin is under control",
  "no none of those symptoms"],
  RO, ["rare_metabolic"], "routine: user's own hemochromatosis (brother's is family, but user has it too)")
v("r-mtx-crohns-correction", [
  "im on methotrexate for crohns and the CT showed calcification in my liver",
  "sorry, it was an MRI not a CT, the one in the tube"],
  RO, ["drug_related"], "routine: methotrexate; the imaging correction changes nothing")

# ======================= REASSURANCE =====================================
v("a-pasted-full", [
  "FINDINGS: Liver normal in size and attenuation. Several punctate calcifications in segment VI, the largest 3 mm, unchanged compared with CT of 14/03/2021. No focal mass. No biliary dilatation. Gallbladder, spleen and pancreas unremarkable.\nIMPRESSION: Stable hepatic calcified granulomas, likely sequelae of prior granulomatous disease. No acute abnormality.",
  "thats the whole thing. I have no symptoms, just want to know what it means"],
  RE, GI, "reassurance: stable small granulomas (no growth over years favours benign), no mass, no risk factors, no red flags")
v("a-ohio-histo", [
  "Grew up in Ohio, doc thinks it's histo. The calcifications have been unchanged since 2019, I get them checked whenever I have a CT for my kidney stones"],
  RE, GI, "reassurance: likely histoplasmosis granulomas, unchanged since 2019")
v("a-5mm-5mm", [
  "previously 5 mm, now 5 mm. thats what the radiologist wrote about the granuloma in my liver. 2 years between scans"],
  RE, GI, "reassurance: same size over two years = stable")
v("a-smaller", [
  "Follow-up ultrasound: the calcified granuloma is slightly smaller than in 2020 (0.6cm vs 0.7cm). Should I worry?"],
  RE, GI, "reassurance: no growth (slightly smaller) over years; granuloma")
v("a-same-march", [
  "My report says 'Hepatic calcifications, same as March 2021.' I'm 37, healthy, no meds.",
  "no"],
  RE, GI, "reassurance: same as March 2021 = stable; no risk factors")
v("a-tiny-nope", [
  "Hi, a 2mm calcified granuloma was seen on my CT by chance (it was done to check my appendix, which was fine).",
  "nope none of that",
  "no"],
  RE, GI, "reassurance: incidental tiny granuloma, short denials to the assistant's questions")
v("a-innumerable", [
  "CT said innumerable tiny calcifications throughout the liver and spleen. I grew up along the Mississippi and the radiologist said this is typical of old histoplasmosis. Feel totally fine."],
  RE, GI, "reassurance: innumerable hepatosplenic calcifications typical of healed histoplasmosis, no red flags")
v("a-childhood-tb", [
  "I had TB as a child in Somalia and was treated. Now in my 40s, a CT found calcified granulomas in my liver. Stable compared to my scan in 2017."],
  RE, GI, "reassurance: treated childhood TB, granulomas stable since 2017")
v("a-abscess-healed", [
  "Had a liver abscess in 2010 that was drained and treated with antibiotics. The ultrasound now shows a calcification in exactly the same spot, unchanged from the 2018 scan."],
  RE, ["healed_infection"], "reassurance: remnant of healed abscess, unchanged on follow-up -> no treatment (article 2)")
v("a-laceration", [
  "Back in 2005 I was in a car crash and tore my liver. CT this year has a coarse calcification where the tear was, same as on the 2015 CT. The surgeon back then said that might happen."],
  RE, ["healed_infection"], "reassurance: remnant of an old hematoma/injury, unchanged")
v("a-dad-colon", [
  "ultrasound: small calcified granuloma, 4mm",
  "my dad had bowel cancer at 70 but I've never had cancer. no symptoms"],
  RE, GI, "reassurance: cancer only in the family does not escalate (as sample); no personal cancer")
v("a-brother-yellow", [
  "My brother's eyes went yellow last month because of his hepatitis and now I'm paranoid. My own CT showed one punctate calcification in the liver.",
  "I'm not yellow and I don't have hepatitis."],
  RE, GI, "reassurance: jaundice and hepatitis are the brother's own; the user denies both")
v("a-friend-cancer", [
  "my friend had calcifications on her liver and it turned out to be cancer, she lost so much weight",
  "mine is a single 3mm calcified granuloma, unchanged from my last scan 18 months ago. I havent lost any weight"],
  RE, GI, "reassurance: cancer and weight loss are the friend's; own granuloma stable > 1 year")
v("a-cat", [
  "Weird one - our cat was diagnosed with liver calcification last year and went yellow. Now my own CT shows a small calcified granuloma in my liver. Bit of a coincidence, should I worry?",
  "I feel completely fine, no yellowing"],
  RE, GI, "reassurance: the pet's jaundice is not the user's; own incidental granuloma")
v("a-whatif", [
  "CT showed a couple of tiny calcified granulomas in my liver, no other problems",
  "but what if it turns into cancer one day? and what if I get yellow eyes later, would that mean its spread?"],
  RE, GI, "reassurance: cancer and jaundice are hypothetical questions, not current")
v("a-fainted-years", [
  "small punctate calcification on ultrasound, radiologist said likely old granuloma",
  "the only thing is I fainted once in 2014 when I had blood taken, never since. no other problems"],
  RE, GI, "reassurance: fainting long past and explained, not a current red flag")
v("a-newborn-jaundice", [
  "The only liver thing I've ever had is jaundice as a newborn baby, mum says I was under the lights for a week. Now at 29 an MRI shows a small calcification in my liver. Is that connected?"],
  RE, GI, "reassurance: neonatal jaundice long resolved; incidental small calcification, granuloma most common")
v("a-gp-asked", [
  "my GP went through my CT with me - calcified granuloma in the liver. she asked if I'd had any weight loss, black poo or yellow skin and I said no to all of them",
  "she said it's fine but I wanted a second opinion"],
  RE, GI, "reassurance: red flags denied in reported speech")
v("a-anxious-repeat", [
  "is it cancer? the ct says punctate calcification",
  "please just tell me if it's cancer. I've never had cancer, I'm not on any meds, I feel fine",
  "sorry for asking again. is it cancer??"],
  RE, GI, "reassurance: cancer only asked about, no personal cancer; anxious repeats")
v("a-correction-mum", [
  "I have breast cancer and my CT shows calcifications in the liver",
  "sorry I typed that wrong - my MUM has breast cancer, not me. I've never had it. And the report says the calcification is the same as on my 2020 CT"],
  RE, GI, "reassurance: correction moves the cancer to the mother (family); calcification stable since 2020")
v("a-correction-mri", [
  "My CT found a 3 mm calcified granuloma in my liver, the letter says no further action needed",
  "sorry, it was an MRI"],
  RE, GI, "reassurance: incidental granuloma; imaging correction changes nothing")
v("a-doubtful-elderly", [
  "Good afternoon. My husband and I are both in our eighties. I have been told that my recent scan showed 'a tiny hepatic calcification of doubtful significance'. I should like to know whether I ought to do anything further about it. I am otherwise in reasonable health for my age."],
  RE, GI, "reassurance: tiny calcification of doubtful significance, no risk factors or red flags")
v("a-textspeak", [
  "omg just read my ct results on the app n it says calcified granuloma in liver?? wt actual f is that lol",
  "nah nothin like that",
  "ok ty"],
  RE, GI, "reassurance: incidental granuloma; text-speak denial")
v("a-india-tb-contact", [
  "I am from India, my grandfather had TB when I lived with him as a child. My CT show calcified granuloma 3mm in liver. I have no symptom."],
  RE, GI, "reassurance: small granuloma, TB exposure in childhood (grandfather's TB is family), no symptoms")
v("a-no-new-lesions", [
  "Ultrasound report: 'Known calcified foci in the right lobe, stable appearance. No new lesions.'",
  "no cancer, no hepatitis, no medicines"],
  RE, GI, "reassurance: stable, no new lesions, risk factors denied")
v("a-multi-request", [
  "small calcified granuloma in my liver, unchanged since 2018. what causes these, do I need any tests, and is there someone I can speak to about it?"],
  RE, GI, "reassurance: stable since 2018; asking for a person does not make it urgent")
v("a-denied-flags", [
  "The CT showed a few scattered calcifications in my liver. No black stools, no vomiting blood, no yellow eyes, no weight loss. Lived with an uncle who had TB years ago."],
  RE, GI, "reassurance: all red flags denied; TB exposure")
v("a-hypothetical-ae", [
  "If I ever had black stools or was sick with blood, should I go to A&E? Asking because my CT found a 4mm calcified granuloma and I want to know what to look out for.",
  "right now I'm fine, none of those"],
  RE, GI, "reassurance: red flags only hypothetical, denied now")
v("a-04cm-both", [
  "0.4cm calcification on the ultrasound in 2022, 0.4cm again this year. no change the report says"],
  RE, GI, "reassurance: same size over a year+ = stable")
v("a-nonnative-histo", [
  "Hello, sorry my english. I have the calcified granuloma in the liver, 5 mm, the doctor say it is from old infection, histoplasmosis maybe. It is the same like the scan of 2019. I want to know if I need medicine."],
  RE, GI, "reassurance: histoplasmosis granuloma, same as 2019; treatment question")

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vignettes.json")
    ids = [x["id"] for x in V]
    assert len(ids) == len(set(ids))
    json.dump(V, open(out, "w"), indent=1, ensure_ascii=False)
    from collections import Counter
    print(len(V), "vignettes", Counter(x["triage"] for x in V))
