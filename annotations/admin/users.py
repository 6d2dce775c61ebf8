"""Users, roles and API tokens in the admin, within what the administrator role may do.

The administrator role (staff, not superuser) manages the workbench's people: it adds
users, sets their passwords, makes them staff or not and gives them a role — one of
the groups of roles.ROLE_PERMISSIONS. It never grants superuser status or a raw
permission, never changes a superuser (nor sets a superuser's password), and never
sees or makes a superuser's API token: those stay with superusers. Django's own user
admin lets anyone holding `auth.change_user` do all of that, which is how a staff
administrator made itself superuser (issue 17).
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from ..roles import can_change_user, role_groups, users_in_reach

User = get_user_model()

# What a non-superuser sees and may change on a user's page: no superuser status and
# no user permissions; the groups are the role groups only (formfield_for_manytomany).
ROLE_FIELDSETS = (
    (None, {"fields": ("username", "password")}),
    ("Personal info", {"fields": ("first_name", "last_name", "email")}),
    ("Role", {"fields": ("is_active", "is_staff", "groups")}),
    ("Important dates", {"fields": ("last_login", "date_joined")}),
)


admin.site.unregister(User)


@admin.register(User)
class WorkbenchUserAdmin(UserAdmin):
    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return ROLE_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("last_login", "date_joined")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = role_groups()
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # Django's password page asks this too, so a superuser's password is covered.
        return super().has_change_permission(request, obj) and can_change_user(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_change_user(request.user, obj)


class TokenUserForm(forms.ModelForm):
    """The only field is the user: the server generates the key (Token.save)."""

    class Meta:
        model = TokenProxy
        fields = ("user",)


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class WorkbenchTokenAdmin(TokenAdmin):
    form = TokenUserForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = users_in_reach(request.user, User.objects.order_by("username"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        # A superuser's key acts as that superuser over the API: not the role's to read.
        in_reach = users_in_reach(request.user, User.objects.all())
        return super().get_queryset(request).filter(user__in=in_reach)
