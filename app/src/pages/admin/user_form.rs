//! The form that adds a staff user: every field is checked on the server and
//! its errors shown next to it; what was typed stays when it is refused.

use leptos::prelude::*;

use crate::components::errors::{ErrorNotice, FieldErrors};
use crate::components::labels::role_label;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::features::reference::Named;
use crate::features::users::api::CreateUser;
use crate::features::users::types::{UserForCreate, UserList};
use crate::i18n::*;

#[component]
pub fn CreateUserForm(
    users: Resource<Result<UserList, AppError>>,
    create: ServerAction<CreateUser>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Coordinator);
    let chosen = RwSignal::new(Vec::<i32>::new());
    let cities = move || -> Vec<Named> {
        users
            .get()
            .and_then(Result::ok)
            .map(|list| list.cities)
            .unwrap_or_default()
    };
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let created = move || matches!(create.value().get(), Some(Ok(_)));
    let field = |id: &'static str,
                 label: Signal<String>,
                 kind: &'static str,
                 value: RwSignal<String>,
                 autocomplete: &'static str| {
        let error_id = format!("new-{id}-error");
        view! {
            <div class="field">
                <label for=format!("new-{id}")>{label}</label>
                <input
                    id=format!("new-{id}")
                    type=kind
                    autocomplete=autocomplete
                    required=true
                    prop:value=value
                    on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || error.get().is_some_and(|e| !e.field_errors(id).is_empty()).to_string()
                    aria-describedby=error_id.clone()
                />
                <FieldErrors id=error_id error field=id />
            </div>
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateUser {
            user: UserForCreate {
                display_name: name.get(),
                email: email.get(),
                role: role.get(),
                password: password.get(),
                city_ids: chosen.get(),
            },
        });
    };
    view! {
        <section class="card" aria-labelledby="create-user-title">
            <h2 id="create-user-title">{t!(i18n, users.create_title)}</h2>
            <Show when=created>
                <p class="notice success" role="status">{t!(i18n, users.created)}</p>
            </Show>
            {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
            <form novalidate=true on:submit=on_submit>
                {field("display_name", Signal::derive(move || t_string!(i18n, users.name).to_string()), "text", name, "off")}
                {field("email", Signal::derive(move || t_string!(i18n, users.email).to_string()), "email", email, "off")}
                {field("password", Signal::derive(move || t_string!(i18n, users.password).to_string()), "password", password, "new-password")}
                <div class="field">
                    <label for="new-role">{t!(i18n, users.role)}</label>
                    <select id="new-role" on:change=move |ev| {
                        if let Some(r) = Role::parse(&event_target_value(&ev)) { role.set(r); }
                    }>
                        {[Role::Coordinator, Role::Manager, Role::Admin].into_iter().map(|r| view! {
                            <option value=r.as_str() selected=move || role.get() == r>{move || role_label(i18n, r)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="checkboxes" aria-describedby="new-city_ids-error">
                    <legend>{t!(i18n, users.cities)}</legend>
                    <Transition fallback=|| ()>
                    {move || cities().into_iter().map(|city| {
                        let city_id = city.id;
                        let input_id = format!("new-city-{city_id}");
                        view! {
                            <label for=input_id.clone() class="check">
                                <input id=input_id.clone() type="checkbox"
                                    prop:checked=move || chosen.read().contains(&city_id)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|ids| { ids.retain(|c| *c != city_id); if on { ids.push(city_id); } });
                                    } />
                                {move || city.name(locale()).to_owned()}
                            </label>
                        }
                    }).collect_view()}
                    </Transition>
                    <FieldErrors id="new-city_ids-error".to_string() error field="city_ids" />
                </fieldset>
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t_string!(i18n, app.saving) } else { t_string!(i18n, users.create) }}
                </button>
            </form>
        </section>
    }
}
