use leptos::prelude::*;
use leptos_meta::Title;

use super::user_form::CreateUserForm;
use crate::components::errors::ErrorNotice;
use crate::components::labels::role_label;
use crate::components::page_title::page_title;
use crate::domain::locale::Locale as DomainLocale;
use crate::domain::role::Role;
use crate::features::reference::{Named, name_of};
use crate::features::users::api::{CreateUser, SetUserCities, SetUserDisabled, list_users};
use crate::features::users::types::{UserList, UserRow};
use crate::i18n::*;

/// Staff accounts: who they are, their role, the cities they work in.
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateUser>::new();
    let set_cities = ServerAction::<SetUserCities>::new();
    let set_disabled = ServerAction::<SetUserDisabled>::new();
    let users = Resource::new(
        move || {
            (
                create.version().get(),
                set_cities.version().get(),
                set_disabled.version().get(),
            )
        },
        |_| list_users(),
    );
    view! {
        <Title text=page_title(move || t_string!(i18n, users.title).to_string()) />
        <h1>{t!(i18n, users.title)}</h1>
        <Transition fallback=move || view! { <p role="status">{t!(i18n, app.loading)}</p> }>
            {move || {
                users.get().map(|result| match result {
                    Ok(list) => view! { <UserTable list set_cities set_disabled /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })
            }}
        </Transition>
        // Outside the list's Transition, so that what is typed survives the
        // list being fetched again.
        <CreateUserForm users create />
    }
}

#[component]
fn UserTable(
    list: UserList,
    set_cities: ServerAction<SetUserCities>,
    set_disabled: ServerAction<SetUserDisabled>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = list.users.is_empty();
    let cities = list.cities.clone();
    let error = Signal::derive(move || {
        set_cities
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| set_disabled.value().get().and_then(Result::err))
    });
    view! {
        {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
        <Show when=move || !empty fallback=move || view! { <p class="empty">{t!(i18n, users.empty)}</p> }>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, users.name)}</th>
                            <th scope="col">{t!(i18n, users.email)}</th>
                            <th scope="col">{t!(i18n, users.role)}</th>
                            <th scope="col">{t!(i18n, users.cities)}</th>
                            <th scope="col">{t!(i18n, users.state)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.users.clone().into_iter().map(|user| view! {
                            <UserRowView user cities=cities.clone() set_cities set_disabled />
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn UserRowView(
    user: UserRow,
    cities: Vec<Named>,
    set_cities: ServerAction<SetUserCities>,
    set_disabled: ServerAction<SetUserDisabled>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || DomainLocale::from(i18n.get_locale());
    let confirming = RwSignal::new(false);
    let chosen = RwSignal::new(user.city_ids.clone());
    let role = user.role;
    let (id, name, disabled) = (user.id, user.display_name.clone(), user.disabled);
    let scoped = role == Role::Coordinator;
    let city_names = {
        let cities = cities.clone();
        let ids = user.city_ids.clone();
        move || {
            if !scoped {
                return t_string!(i18n, users.all_cities).to_string();
            }
            ids.iter()
                .map(|c| name_of(&cities, *c, locale()))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let legend_name = name.clone();
    let confirm_name = name.clone();
    view! {
        <tr>
            <td>{name.clone()}</td>
            <td>{user.email.clone()}</td>
            <td>{move || role_label(i18n, role)}</td>
            <td>
                {city_names}
                {scoped.then(|| view! {
                    <details>
                        <summary>{move || t_string!(i18n, users.edit_cities, name = legend_name.as_str()).to_string()}</summary>
                        <fieldset class="checkboxes">
                            <legend class="visually-hidden">{t!(i18n, users.cities)}</legend>
                            {cities.clone().into_iter().map(|city| {
                                let city_id = city.id;
                                let input_id = format!("user-{id}-city-{city_id}");
                                view! {
                                    <label for=input_id.clone() class="check">
                                        <input
                                            id=input_id.clone()
                                            type="checkbox"
                                            prop:checked=move || chosen.read().contains(&city_id)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                chosen.update(|ids| {
                                                    ids.retain(|c| *c != city_id);
                                                    if on { ids.push(city_id); }
                                                });
                                            }
                                        />
                                        {move || city.name(locale()).to_owned()}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        <button type="button" class="button small"
                            on:click=move |_| { set_cities.dispatch(SetUserCities { user_id: id, city_ids: chosen.get() }); }>
                            {t!(i18n, users.save_cities)}
                        </button>
                    </details>
                })}
            </td>
            <td>
                {move || if disabled { t_string!(i18n, users.disabled) } else { t_string!(i18n, users.active) }}
                " "
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button small secondary" on:click=move |_| {
                            if disabled {
                                set_disabled.dispatch(SetUserDisabled { user_id: id, disabled: false });
                            } else {
                                confirming.set(true);
                            }
                        }>
                            {move || if disabled { t_string!(i18n, users.enable) } else { t_string!(i18n, users.disable) }}
                        </button>
                    }
                >
                    <span role="alertdialog" aria-label=move || t_string!(i18n, users.disable).to_string() class="confirm">
                        {
                            let confirm_name = confirm_name.clone();
                            move || t_string!(i18n, users.confirm_disable, name = confirm_name.as_str()).to_string()
                        }
                        " "
                        <button type="button" class="button small danger" on:click=move |_| {
                            confirming.set(false);
                            set_disabled.dispatch(SetUserDisabled { user_id: id, disabled: true });
                        }>{t!(i18n, app.yes)}</button>
                        <button type="button" class="button small secondary" on:click=move |_| confirming.set(false)>
                            {t!(i18n, app.cancel)}
                        </button>
                    </span>
                </Show>
            </td>
        </tr>
    }
}
