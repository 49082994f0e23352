# identityset.rb -- IdentitySet needs no require (MAGLEV-API.md section 8):
# the class is a base-image library class whose code, lib/maglev/identityset.rb,
# loads on first use (or when a process faults an instance).
Object.autoload(:IdentitySet, "maglev/identityset")
