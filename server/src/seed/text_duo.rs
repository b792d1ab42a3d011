//! Texts written inside a duo: meeting notes and next steps per topic, the
//! action-plan goals with their steps, coordinator check-in notes, closure
//! notes and evaluation comments, in French, Dutch and English.

use super::text_people::Tr;

/// Two notes per meeting topic, in the order of `MeetingTopic::ALL`.
#[rustfmt::skip]
pub const MEETING_NOTES: [[Tr; 2]; 9] = [
    [["CV relu ligne par ligne ; les expériences au pays sont mieux mises en valeur.", "Cv lijn per lijn overlopen; de ervaring uit het thuisland komt beter tot haar recht.", "Went through the CV line by line; experience from the home country now stands out."],
     ["Nouvelle version du CV, plus courte et adaptée au secteur.", "Nieuwe, kortere versie van het cv, afgestemd op de sector.", "New, shorter version of the CV, tailored to the sector."]],
    [["Lettre de motivation rédigée ensemble pour une offre repérée.", "Samen een motivatiebrief geschreven voor een vacature.", "Wrote a cover letter together for a vacancy we found."],
     ["Travail sur l'accroche de la lettre, plus personnelle.", "De aanhef van de brief persoonlijker gemaakt.", "Made the opening of the letter more personal."]],
    [["Simulation d'entretien ; nette progression dans la présentation.", "Sollicitatiegesprek ingeoefend; zichzelf voorstellen gaat al veel beter.", "Mock interview; introducing themselves is going much better."],
     ["Préparation de l'entretien de jeudi : questions types et tenue.", "Gesprek van donderdag voorbereid: typische vragen en kledij.", "Prepared Thursday's interview: typical questions and what to wear."]],
    [["Trois candidatures envoyées cette semaine, suivies dans un tableau.", "Drie sollicitaties verstuurd deze week, opgevolgd in een overzicht.", "Three applications sent this week, tracked in a spreadsheet."],
     ["Recherche d'offres sur les sites d'emploi et dans les agences d'intérim.", "Vacatures gezocht op jobsites en bij interimkantoren.", "Searched job sites and temping agencies for vacancies."]],
    [["Mise en contact avec un ancien collègue, chef d'équipe.", "In contact gebracht met een oud-collega, ploegbaas.", "Introduced to a former colleague who leads a team."],
     ["Visite d'un salon de l'emploi ensemble.", "Samen naar een jobbeurs geweest.", "Went to a job fair together."]],
    [["Les codes du secteur : ponctualité, vouvoiement, sécurité.", "De codes van de sector: stiptheid, aanspreekvormen, veiligheid.", "The sector's unwritten rules: punctuality, how to address people, safety."],
     ["Comment fonctionnent une équipe et les horaires en pause.", "Hoe een ploeg werkt en hoe ploegenroosters in elkaar zitten.", "How a team works and how shift rotas are organised."]],
    [["Conversation sur le vocabulaire du métier.", "Gesprek over de vakwoordenschat.", "Practised the vocabulary of the trade."],
     ["Exercices d'expression orale avant l'entretien.", "Spreekoefeningen voor het gesprek.", "Speaking practice ahead of the interview."]],
    [["Aide pour des démarches administratives (inscription, attestations).", "Hulp bij administratie (inschrijving, attesten).", "Help with paperwork (registration, certificates)."],
     ["Démarches pour l'équivalence du diplôme.", "Stappen voor de erkenning van het diploma.", "Steps towards getting the diploma recognised."]],
    [["Bilan du mois écoulé et ajustement du plan d'action.", "Terugblik op de voorbije maand, actieplan bijgestuurd.", "Looked back on the past month and adjusted the action plan."],
     ["Échange sur la motivation après un refus.", "Gesprek over motivatie na een afwijzing.", "Talked about motivation after a rejection."]],
];

/// One next step per meeting topic, in the order of `MeetingTopic::ALL`.
#[rustfmt::skip]
pub const NEXT_STEPS: [Tr; 9] = [
    ["Envoyer la version finale du CV avant lundi.", "Definitieve versie van het cv tegen maandag doorsturen.", "Send the final CV before Monday."],
    ["Adapter la lettre pour deux autres offres.", "Brief aanpassen voor twee andere vacatures.", "Adapt the letter for two more vacancies."],
    ["Préparer trois exemples concrets de réussites.", "Drie concrete voorbeelden van successen voorbereiden.", "Prepare three concrete examples of achievements."],
    ["Postuler à au moins trois offres d'ici la prochaine fois.", "Tegen de volgende keer minstens drie keer solliciteren.", "Apply to at least three vacancies before next time."],
    ["Appeler le contact et proposer un café.", "Het contact bellen en een koffie voorstellen.", "Call the contact and suggest meeting for coffee."],
    ["Visiter une entreprise du secteur.", "Een bedrijf uit de sector bezoeken.", "Visit a company in the sector."],
    ["Lire un article du secteur et en parler la semaine prochaine.", "Een artikel over de sector lezen en er volgende week over praten.", "Read an article about the sector and discuss it next week."],
    ["Rassembler les documents demandés.", "De gevraagde documenten verzamelen.", "Gather the documents requested."],
    ["Faire le point sur le plan d'action.", "Het actieplan overlopen.", "Go over the action plan."],
];

/// Action-plan goals and their steps.
#[rustfmt::skip]
pub const PLAN: &[(Tr, &[Tr])] = &[
    (["Un CV et une lettre prêts à envoyer", "Een cv en brief klaar om te versturen", "A CV and cover letter ready to send"], &[
        ["Lister les expériences et compétences", "Ervaringen en vaardigheden oplijsten", "List experience and skills"],
        ["Rédiger le CV", "Het cv schrijven", "Write the CV"],
        ["Faire relire par un employeur du réseau", "Laten nalezen door een werkgever uit het netwerk", "Have an employer from the network review it"],
    ]),
    (["Postuler régulièrement", "Regelmatig solliciteren", "Apply regularly"], &[
        ["Créer un profil sur les sites d'emploi", "Een profiel aanmaken op jobsites", "Create profiles on job sites"],
        ["S'inscrire dans deux agences d'intérim", "Inschrijven bij twee interimkantoren", "Register with two temping agencies"],
        ["Envoyer trois candidatures par semaine", "Drie sollicitaties per week versturen", "Send three applications a week"],
    ]),
    (["Réussir un entretien d'embauche", "Een sollicitatiegesprek goed doen", "Do well in a job interview"], &[
        ["Préparer une présentation de deux minutes", "Een voorstelling van twee minuten voorbereiden", "Prepare a two-minute introduction"],
        ["Faire deux simulations d'entretien", "Twee proefgesprekken doen", "Do two mock interviews"],
    ]),
    (["Élargir son réseau professionnel", "Het professionele netwerk uitbreiden", "Grow the professional network"], &[
        ["Rencontrer deux contacts du mentor", "Twee contacten van de mentor ontmoeten", "Meet two of the mentor's contacts"],
        ["Créer un profil LinkedIn", "Een LinkedIn-profiel aanmaken", "Create a LinkedIn profile"],
        ["Participer à un salon de l'emploi", "Naar een jobbeurs gaan", "Attend a job fair"],
    ]),
    (["Améliorer la langue de travail", "De werktaal verbeteren", "Improve the working language"], &[
        ["S'inscrire à un cours de langue", "Inschrijven voor een taalcursus", "Enrol in a language course"],
        ["Pratiquer le vocabulaire du métier", "Vakwoordenschat oefenen", "Practise job vocabulary"],
    ]),
    (["Faire reconnaître son diplôme", "Het diploma laten erkennen", "Get the diploma recognised"], &[
        ["Rassembler et traduire les documents", "Documenten verzamelen en laten vertalen", "Gather and translate the documents"],
        ["Introduire le dossier d'équivalence", "Het gelijkwaardigheidsdossier indienen", "Submit the recognition application"],
    ]),
    (["Trouver une formation ou un stage", "Een opleiding of stage vinden", "Find a training course or internship"], &[
        ["Comparer trois formations", "Drie opleidingen vergelijken", "Compare three courses"],
        ["Contacter l'organisme de formation", "Contact opnemen met de opleidingsverstrekker", "Contact the training provider"],
    ]),
];

/// Coordinator check-ins: the first ones, then routine, then near the end.
#[rustfmt::skip]
pub const CONTACT_NOTES: [&[Tr]; 3] = [
    &[["Bon démarrage, rythme hebdomadaire trouvé.", "Goede start, wekelijks ritme gevonden.", "Good start, weekly rhythm in place."],
      ["Premiers objectifs fixés ensemble.", "Eerste doelen samen vastgelegd.", "First goals set together."]],
    &[["Le duo fonctionne bien ; mentee plus confiant.", "Duo loopt goed; mentee heeft meer zelfvertrouwen.", "The duo works well; the mentee is more confident."],
      ["Quelques rendez-vous annulés ; rappel du cadre.", "Enkele afspraken geannuleerd; kader herhaald.", "A few meetings cancelled; went over the ground rules again."],
      ["Candidatures en cours, deux entretiens prévus.", "Sollicitaties lopen, twee gesprekken gepland.", "Applications under way, two interviews planned."],
      ["Point à mi-parcours : objectifs revus.", "Tussentijdse evaluatie: doelen bijgesteld.", "Mid-term check: goals adjusted."]],
    &[["Préparation de la fin du duo et de l'évaluation.", "Afronding van het duo en evaluatie voorbereid.", "Preparing the end of the duo and the evaluation."]],
];

/// Closure notes, in the order of `Outcome::ALL`.
#[rustfmt::skip]
pub const CLOSURE_NOTES: [Tr; 6] = [
    ["Contrat signé ; début le mois prochain.", "Contract getekend; start volgende maand.", "Contract signed; starts next month."],
    ["Stage décroché dans une entreprise du réseau du mentor.", "Stage gevonden bij een bedrijf uit het netwerk van de mentor.", "Internship at a company from the mentor's network."],
    ["Inscrit à une formation qualifiante.", "Ingeschreven voor een beroepsopleiding.", "Enrolled in a vocational training course."],
    ["Reprend des études à la rentrée.", "Hervat studies in september.", "Returning to studies in September."],
    ["Pas encore d'emploi ; CV et réseau renforcés.", "Nog geen werk; cv en netwerk versterkt.", "No job yet; CV and network stronger."],
    ["Mentee injoignable à la clôture.", "Mentee onbereikbaar bij de afsluiting.", "Mentee unreachable at closure."],
];

#[rustfmt::skip]
pub const MENTEE_COMMENTS: &[Tr] = &[
    ["Mon mentor m'a donné confiance.", "Mijn mentor gaf me zelfvertrouwen.", "My mentor gave me confidence."],
    ["J'ai appris comment fonctionnent les entreprises ici.", "Ik heb geleerd hoe bedrijven hier werken.", "I learned how companies work here."],
    ["Les simulations d'entretien m'ont beaucoup aidé.", "De proefgesprekken hebben me veel geholpen.", "The mock interviews helped me a lot."],
];

#[rustfmt::skip]
pub const MENTOR_COMMENTS: &[Tr] = &[
    ["Très belle rencontre, j'ai beaucoup appris moi aussi.", "Heel mooie ontmoeting, ik heb zelf ook veel geleerd.", "A great match; I learned a lot myself."],
    ["Mentee motivé, progrès nets.", "Gemotiveerde mentee, duidelijke vooruitgang.", "Motivated mentee, clear progress."],
    ["Démarrage lent mais belle fin.", "Trage start maar mooi einde.", "Slow start but a good finish."],
];

#[rustfmt::skip]
pub const PEER_TOPICS: &[Tr] = &[
    ["Écouter sans tout résoudre", "Luisteren zonder alles op te lossen", "Listening without solving everything"],
    ["Le marché de l'emploi local aujourd'hui", "De lokale arbeidsmarkt vandaag", "Today's local job market"],
    ["Diversité culturelle et communication", "Culturele diversiteit en communicatie", "Cultural diversity and communication"],
    ["Motiver après un refus", "Motiveren na een afwijzing", "Keeping motivation up after a rejection"],
    ["Préparer les entretiens d'embauche", "Sollicitatiegesprekken voorbereiden", "Preparing job interviews"],
    ["Clôturer un duo en beauté", "Een duo mooi afsluiten", "Ending a duo well"],
    ["Réseaux sociaux et recherche d'emploi", "Sociale media en werk zoeken", "Social media and the job search"],
    ["Partage d'expériences entre mentors", "Ervaringen uitwisselen tussen mentoren", "Mentors share experiences"],
];
